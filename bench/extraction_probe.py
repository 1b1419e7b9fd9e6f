#!/usr/bin/env python3
"""Extraction on sentences of the project's own, written for constructions rather than taken
from any report: a check of how the engine generalises, beside the corpus scores.

    .venv/bin/python bench/extraction_probe.py [--verbose]

Each case is a two-sentence report (a dateline, then the footage) in one of the seven
languages, with the hops a careful reader finds: (role, a part of the actor's name or None
for "no actor", the platform or None for "any"). A hop is found when the engine gives the
role with an actor that contains the expected name (or is contained in it) and, where one is
expected, the platform. Extra hops are counted too.
"""

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from provenance.reports.extract import extract_report  # noqa: E402
from provenance.reports.read import Report  # noqa: E402

REFERENCE = "2024-06-10"
CASES = [
    # (lang, text, expected [(role, actor-substring or None, platform)])
    # As in the corpus's gold, "circulating on social media" is a hop only where the report
    # names no other post of the footage.
    (
        "en",
        "Kyiv, March 3, 2024. The State Border Guard Service released drone footage on Monday showing a strike on a Russian boat near Kherson. The video was later shared on Telegram by the channel Ukraine Now.",
        [("released", "State Border Guard Service", None), ("posted", "Ukraine Now", "telegram")],
    ),
    (
        "en",
        "London, 5 May 2024. Footage filmed by a local resident shows smoke rising over the port of Odesa. The clip, obtained by Reuters, was verified by BBC Verify.",
        [
            ("filmed", "local resident", None),
            ("distributed", "Reuters", None),
            ("verified", "BBC Verify", None),
        ],
    ),
    (
        "en",
        "Washington, June 1, 2024. A journalist, Anna Petrova, posted a video on X showing the aftermath of the attack in Kharkiv. CNN geolocated the footage to a street in the city centre.",
        [("posted", "Anna Petrova", "twitter"), ("verified", "CNN", None)],
    ),
    (
        "en",
        "Paris, 2 June 2024. In a video published on its Facebook page, the 47th Mechanized Brigade shows a tank being hit near Avdiivka.",
        [("released", "47th Mechanized Brigade", "facebook")],
    ),
    (
        "en",
        "Berlin, 4 June 2024. Russian military bloggers circulated a clip on Telegram purporting to show the capture of the village. Analysts at the Institute for the Study of War said the footage had been geolocated.",
        [
            ("posted", "Russian military bloggers", "telegram"),
            ("verified", "Institute for the Study of War", None),
        ],
    ),
    (
        "nl",
        "Amsterdam, 3 maart 2024. Het Oekraïense leger heeft beelden vrijgegeven van een drone-aanval op een Russisch schip bij de Krim. De video werd gedeeld op Telegram door het kanaal Oekraïne Nu.",
        [("released", "Oekraïense leger", None), ("posted", "Oekraïne Nu", "telegram")],
    ),
    (
        "nl",
        "Brussel, 5 mei 2024. Op beelden die een inwoner maakte met zijn telefoon is te zien hoe rook opstijgt boven de haven van Odesa. Het filmpje is geverifieerd door Bellingcat.",
        [("filmed", "inwoner", None), ("verified", "Bellingcat", None)],
    ),
    (
        "de",
        "Berlin, 3. März 2024. Das ukrainische Verteidigungsministerium veröffentlichte am Montag ein Video, das einen Angriff auf ein russisches Schiff zeigt. Die Aufnahmen wurden von der Nachrichtenagentur Reuters verbreitet.",
        [("released", "Verteidigungsministerium", None), ("distributed", "Reuters", None)],
    ),
    (
        "de",
        "Wien, 5. Mai 2024. Ein Anwohner filmte mit seinem Handy, wie Rauch über dem Hafen von Odessa aufstieg. Das Video wurde auf Telegram vom Kanal Rybar geteilt und von Bellingcat geolokalisiert.",
        [
            ("filmed", "Anwohner", None),
            ("posted", "Rybar", "telegram"),
            ("verified", "Bellingcat", None),
        ],
    ),
    (
        "fr",
        "Paris, 3 mars 2024. Le ministère ukrainien de la Défense a diffusé lundi une vidéo montrant une attaque de drone contre un navire russe. La vidéo a été partagée sur Telegram par la chaîne Rybar.",
        [("released", "ministère ukrainien de la Défense", None), ("posted", "Rybar", "telegram")],
    ),
    (
        "fr",
        "Lyon, 5 mai 2024. Filmée par un habitant, la vidéo montre de la fumée au-dessus du port d'Odessa. Elle a été vérifiée par l'équipe des Observateurs de France 24.",
        [("filmed", "habitant", None), ("verified", "Observateurs", None)],
    ),
    (
        "es",
        "Madrid, 3 de marzo de 2024. El Ministerio de Defensa de Ucrania publicó el lunes un vídeo que muestra un ataque con dron contra un barco ruso. Las imágenes fueron compartidas en Telegram por el canal Rybar.",
        [("released", "Ministerio de Defensa de Ucrania", None), ("posted", "Rybar", "telegram")],
    ),
    (
        "es",
        "Sevilla, 5 de mayo de 2024. Un vecino grabó con su teléfono el momento de la explosión en el puerto de Odesa. El vídeo fue verificado por la agencia EFE.",
        [("filmed", "vecino", None), ("verified", "EFE", None)],
    ),
    (
        "uk",
        "Київ, 3 березня 2024. Державна прикордонна служба оприлюднила відео удару по російському катеру поблизу Херсона. Відео поширив Telegram-канал Труха.",
        [("released", "Державна прикордонна служба", None), ("posted", "Труха", "telegram")],
    ),
    (
        "uk",
        "Одеса, 5 травня 2024. Місцевий житель зняв на телефон момент вибуху в порту. Відео перевірили журналісти проєкту StopFake.",
        [("filmed", "житель", None), ("verified", "StopFake", None)],
    ),
    (
        "ru",
        "Москва, 3 марта 2024. Министерство обороны России опубликовало видео удара по украинской технике под Авдеевкой. Запись распространил Telegram-канал Рыбарь.",
        [("released", "Министерство обороны", None), ("posted", "Рыбарь", "telegram")],
    ),
    (
        "ru",
        "Санкт-Петербург, 5 мая 2024. Очевидец снял на телефон момент взрыва на заводе. Видео опубликовало издание «Фонтанка».",
        [("filmed", "Очевидец", None), ("published", "Фонтанка", None)],
    ),
    (
        "en",
        "Kyiv, April 8, 2024. Video shared by the Ukrainian Navy on Tuesday shows a sea drone hitting a landing ship. The footage was first posted to Telegram by the navy's press service.",
        [("released", "Ukrainian Navy", None), ("posted", "press service", "telegram")],
    ),
    (
        "en",
        "April 8, 2024. According to the Kherson regional administration, the video was recorded by a surveillance camera on Monday.",
        [("released", "Kherson regional administration", None)],
    ),
    (
        "en",
        "April 8, 2024. The clip, which was uploaded to YouTube by a user called Warfare Archive, has been viewed 2 million times.",
        [("posted", "Warfare Archive", "youtube")],
    ),
    (
        "en",
        "April 8, 2024. Bellingcat researchers matched the buildings in the video to satellite imagery of Mariupol.",
        [("verified", "Bellingcat", None)],
    ),
    (
        "en",
        "April 8, 2024. The drone footage, courtesy of the 3rd Assault Brigade, was aired by ABC News.",
        [("released", "3rd Assault Brigade", None), ("published", "ABC News", None)],
    ),
    (
        "nl",
        "Den Haag, 8 april 2024. Volgens het Oekraïense ministerie van Defensie toont de video een aanval op een brug. De beelden werden door persbureau ANP verspreid.",
        [("released", "ministerie van Defensie", None), ("distributed", "ANP", None)],
    ),
    (
        "nl",
        "Utrecht, 8 april 2024. Een video die op TikTok rondgaat, laat zien hoe een tank wordt geraakt. De NOS heeft de beelden geverifieerd.",
        [("posted", None, "tiktok"), ("verified", "NOS", None)],
    ),
    (
        "de",
        "München, 8. April 2024. Laut dem ukrainischen Generalstab zeigt das Video einen Angriff auf eine Brücke. Die Aufnahmen stammen von einer Drohne der 3. Sturmbrigade.",
        [("released", "Generalstab", None), ("filmed", "3. Sturmbrigade", None)],
    ),
    (
        "de",
        "Hamburg, 8. April 2024. Ein Video, das in sozialen Netzwerken kursiert, zeigt einen brennenden Panzer. Der Faktencheck von Correctiv ergab, dass die Aufnahmen echt sind.",
        [("posted", None, "social_media"), ("verified", "Correctiv", None)],
    ),
    (
        "fr",
        "Paris, 8 avril 2024. Selon l'état-major ukrainien, la vidéo montre une attaque contre un pont. Les images ont été relayées sur X par le journaliste Illia Ponomarenko.",
        [("released", "état-major", None), ("posted", "Illia Ponomarenko", "twitter")],
    ),
    (
        "fr",
        "Marseille, 8 avril 2024. Une vidéo qui circule sur les réseaux sociaux montre un char en feu. L'AFP a pu authentifier les images.",
        [("posted", None, "social_media"), ("verified", "AFP", None)],
    ),
    (
        "es",
        "Madrid, 8 de abril de 2024. Según el Estado Mayor ucraniano, el vídeo muestra un ataque contra un puente. Las imágenes fueron difundidas en X por el periodista Illia Ponomarenko.",
        [("released", "Estado Mayor", None), ("posted", "Illia Ponomarenko", "twitter")],
    ),
    (
        "es",
        "Bogotá, 8 de abril de 2024. Un video que circula en redes sociales muestra un tanque en llamas. La agencia Reuters verificó la grabación.",
        [("posted", None, "social_media"), ("verified", "Reuters", None)],
    ),
    (
        "uk",
        "Київ, 8 квітня 2024. За даними Генерального штабу, на відео зафіксовано удар по мосту. Відео опублікував у своєму Telegram-каналі журналіст Андрій Цаплієнко.",
        [("released", "Генерального штабу", None), ("posted", "Андрій Цаплієнко", "telegram")],
    ),
    (
        "ru",
        "Москва, 8 апреля 2024. По данным Минобороны России, на видео запечатлен удар по мосту. Ролик появился в Telegram-канале «Военная хроника».",
        [("released", "Минобороны", None), ("posted", "Военная хроника", "telegram")],
    ),
    (
        "ru",
        "Москва, 8 апреля 2024. Видео, снятое очевидцем, распространяется в соцсетях.",
        [("filmed", "очевидцем", None), ("posted", None, "social_media")],
    ),
    (
        "en",
        "Kyiv, May 2, 2024. Footage posted on social media on Wednesday shows a fire at an oil depot in Novorossiysk.",
        [("posted", None, "social_media")],
    ),
    (
        "en",
        "Kyiv, May 2, 2024. The Ukrainian military released footage on Thursday that it said shows a strike on a Russian radar.",
        [("released", "Ukrainian military", None)],
    ),
    (
        "en",
        "Kyiv, May 2, 2024. A video released by Ukraine's Defence Ministry on Telegram appears to show a sea drone attack.",
        [("released", "Defence Ministry", "telegram")],
    ),
    (
        "en",
        "Kyiv, May 2, 2024. The footage, first shared by the Kherson Online channel on Telegram, shows the flooded streets.",
        [("posted", "Kherson Online", "telegram")],
    ),
    (
        "en",
        "Kyiv, May 2, 2024. CNN has verified the location of the video, which shows a column of tanks near Vuhledar.",
        [("verified", "CNN", None)],
    ),
    (
        "en",
        "Kyiv, May 2, 2024. The footage was obtained by The Kyiv Independent from a soldier of the 92nd Brigade.",
        [("published", "Kyiv Independent", None), ("released", "92nd Brigade", None)],
    ),
    (
        "en",
        "Kyiv, May 2, 2024. Reuters could not independently verify the video, which circulated widely on Telegram.",
        [("posted", None, "telegram")],
    ),
    (
        "en",
        "Kyiv, May 2, 2024. The video, which was geolocated by Bellingcat, shows a missile launch from Belgorod.",
        [("verified", "Bellingcat", None)],
    ),
    (
        "ru",
        "Москва, 2 мая 2024. Кадры опубликовал Telegram-канал «Мош».",
        [("posted", "Мош", "telegram")],
    ),
    (
        "ru",
        "Москва, 2 мая 2024. Минобороны России опубликовало в Telegram видео уничтожения танка.",
        [("released", "Минобороны", "telegram")],
    ),
    (
        "uk",
        "Київ, 2 травня 2024. Відео з'явилося в соцмережах у середу.",
        [("posted", None, "social_media")],
    ),
    (
        "uk",
        "Київ, 2 травня 2024. Генштаб ЗСУ оприлюднив відео знищення російського танка.",
        [("released", "Генштаб", None)],
    ),
    (
        "de",
        "Berlin, 2. Mai 2024. Das Video wurde zuerst auf X veröffentlicht.",
        [("posted", None, "twitter")],
    ),
    (
        "de",
        "Berlin, 2. Mai 2024. Das russische Verteidigungsministerium veröffentlichte auf Telegram ein Video, das den Angriff zeigen soll.",
        [("released", "Verteidigungsministerium", "telegram")],
    ),
    (
        "fr",
        "Paris, 2 mai 2024. Le ministère russe de la Défense a publié sur Telegram une vidéo de l'attaque.",
        [("released", "ministère russe de la Défense", "telegram")],
    ),
    (
        "fr",
        "Paris, 2 mai 2024. La vidéo, partagée par le compte X de l'armée ukrainienne, montre un char détruit.",
        [("released", "armée ukrainienne", "twitter")],
    ),
    (
        "es",
        "Madrid, 2 de mayo de 2024. El vídeo, difundido por el Ministerio de Defensa ruso en Telegram, muestra un ataque.",
        [("released", "Ministerio de Defensa", "telegram")],
    ),
    (
        "es",
        "Madrid, 2 de mayo de 2024. La agencia EFE distribuyó las imágenes, grabadas por un soldado ucraniano.",
        [("distributed", "EFE", None), ("filmed", "soldado", None)],
    ),
    (
        "nl",
        "Amsterdam, 2 mei 2024. De beelden werden gedeeld door de Oekraïense krijgsmacht op Telegram.",
        [("released", "krijgsmacht", "telegram")],
    ),
    (
        "nl",
        "Amsterdam, 2 mei 2024. Het filmpje is afkomstig van een Russische militaire blogger.",
        [("posted", "blogger", None)],
    ),
    (
        "uk",
        "Київ, 2 травня 2024. Відео опублікували в телеграм-каналі Повітряних сил ЗСУ.",
        [("released", "Повітряних сил", "telegram")],
    ),
    (
        "uk",
        "Київ, 2 травня 2024. Кадри з місця удару показав голова ОВА Олег Синєгубов.",
        [("posted", "Олег Синєгубов", None)],
    ),
    (
        "uk",
        "Київ, 2 травня 2024. Відео зняли бійці 47-ї бригади під час штурму.",
        [("filmed", "47-ї бригади", None)],
    ),
    (
        "ru",
        "Москва, 2 мая 2024. Видео опубликовал губернатор Белгородской области Вячеслав Гладков в своем Telegram-канале.",
        [("posted", "Вячеслав Гладков", "telegram")],
    ),
    ("ru", "Москва, 2 мая 2024. Кадры сняли местные жители.", [("filmed", "местные жители", None)]),
    (
        "ru",
        "Москва, 2 мая 2024. Видео было опубликовано пресс-службой МЧС.",
        [("posted", "пресс-службой МЧС", None)],
    ),
    (
        "de",
        "Berlin, 2. Mai 2024. Das Video wurde von ukrainischen Soldaten gefilmt und später auf Telegram geteilt.",
        [("filmed", "ukrainischen Soldaten", None), ("posted", None, "telegram")],
    ),
    (
        "de",
        "Berlin, 2. Mai 2024. Die ARD zeigte die Aufnahmen in der Tagesschau.",
        [("published", "ARD", None)],
    ),
    (
        "nl",
        "Amsterdam, 2 mei 2024. De video is gemaakt door een Oekraïense soldaat en werd gedeeld op X.",
        [("filmed", "Oekraïense soldaat", None), ("posted", None, "twitter")],
    ),
    (
        "nl",
        "Amsterdam, 2 mei 2024. Het Russische ministerie van Defensie verspreidde de beelden via Telegram.",
        [("released", "ministerie van Defensie", "telegram")],
    ),
    (
        "fr",
        "Paris, 2 mai 2024. La vidéo a été filmée par un soldat ukrainien puis diffusée sur Telegram.",
        [("filmed", "soldat ukrainien", None), ("posted", None, "telegram")],
    ),
    (
        "fr",
        "Paris, 2 mai 2024. Ces images ont été diffusées par la chaîne BFMTV.",
        [("published", "BFMTV", None)],
    ),
    (
        "es",
        "Madrid, 2 de mayo de 2024. El vídeo fue grabado por un soldado ucraniano y compartido en Telegram.",
        [("filmed", "soldado ucraniano", None), ("posted", None, "telegram")],
    ),
    (
        "es",
        "Madrid, 2 de mayo de 2024. Las imágenes fueron emitidas por la cadena CNN.",
        [("published", "CNN", None)],
    ),
    (
        "en",
        "Kyiv, May 2, 2024. The video was filmed by a Ukrainian soldier and later shared on Telegram.",
        [("filmed", "Ukrainian soldier", None), ("posted", None, "telegram")],
    ),
    (
        "en",
        "Kyiv, May 2, 2024. Ukraine's State Emergency Service shared footage of firefighters at the scene.",
        [("released", "State Emergency Service", None)],
    ),
    (
        "en",
        "Kyiv, May 2, 2024. In footage shared by the Kharkiv regional governor, firefighters can be seen battling the blaze.",
        [("posted", "Kharkiv regional governor", None)],
    ),
    (
        "en",
        "Kyiv, May 2, 2024. Video published by the Russian Defence Ministry purports to show the launch of an Iskander missile.",
        [("released", "Russian Defence Ministry", None)],
    ),
    (
        "en",
        "Kyiv, May 2, 2024. The footage first appeared on a pro-Kremlin Telegram channel before being picked up by state media.",
        [
            ("posted", "pro-Kremlin Telegram channel", "telegram"),
            ("published", "state media", None),
        ],
    ),
    (
        "en",
        "Kyiv, May 2, 2024. The Associated Press, which obtained the video, confirmed its authenticity.",
        [("distributed", "Associated Press", None), ("verified", "Associated Press", None)],
    ),
    (
        "en",
        "Kyiv, May 2, 2024. Sky News verified the footage by matching landmarks visible in it.",
        [("verified", "Sky News", None)],
    ),
    (
        "en",
        "Kyiv, May 2, 2024. The clip was uploaded to YouTube on March 3 by a user named DroneWatch.",
        [("posted", "DroneWatch", "youtube")],
    ),
    (
        "nl",
        "Amsterdam, 2 mei 2024. In een video die het Oekraïense leger op Telegram zette, is te zien hoe een tank wordt vernietigd.",
        [("released", "Oekraïense leger", "telegram")],
    ),
    (
        "nl",
        "Amsterdam, 2 mei 2024. De NOS heeft de beelden kunnen verifiëren.",
        [("verified", "NOS", None)],
    ),
    (
        "de",
        "Berlin, 2. Mai 2024. In einem Video, das die ukrainische Armee auf Telegram veröffentlichte, ist ein zerstörter Panzer zu sehen.",
        [("released", "ukrainische Armee", "telegram")],
    ),
    (
        "de",
        "Berlin, 2. Mai 2024. Der Spiegel konnte die Echtheit des Videos nicht unabhängig überprüfen.",
        [],
    ),
    (
        "fr",
        "Paris, 2 mai 2024. Dans une vidéo publiée sur Telegram par l'armée ukrainienne, on voit un char détruit.",
        [("released", "armée ukrainienne", "telegram")],
    ),
    (
        "fr",
        "Paris, 2 mai 2024. Le Monde a pu vérifier l'authenticité de la vidéo.",
        [("verified", "Le Monde", None)],
    ),
    (
        "es",
        "Madrid, 2 de mayo de 2024. En un vídeo publicado en Telegram por el ejército ucraniano se ve un tanque destruido.",
        [("released", "ejército ucraniano", "telegram")],
    ),
    (
        "es",
        "Madrid, 2 de mayo de 2024. El diario El País verificó la autenticidad del vídeo.",
        [("verified", "El País", None)],
    ),
    (
        "uk",
        "Київ, 2 травня 2024. На відео, яке оприлюднили Сили оборони, видно знищений танк.",
        [("released", "Сили оборони", None)],
    ),
    (
        "uk",
        "Київ, 2 травня 2024. Автентичність відео підтвердили журналісти Суспільного.",
        [("verified", "Суспільного", None)],
    ),
    (
        "ru",
        "Москва, 2 мая 2024. На видео, которое опубликовало Минобороны, виден уничтоженный танк.",
        [("released", "Минобороны", None)],
    ),
    (
        "ru",
        "Москва, 2 мая 2024. Подлинность видео подтвердили журналисты издания «Медуза».",
        [("verified", "Медуза", None)],
    ),
    (
        "uk",
        "Київ, 2 травня 2024. Прикордонники показали відео знищення російського човна. Кадри опублікувала Державна прикордонна служба у своєму Telegram-каналі.",
        [("released", "Державна прикордонна служба", "telegram")],
    ),
    (
        "uk",
        "Київ, 2 травня 2024. У мережі з'явилося відео, на якому видно вибух на заводі. Запис поширюють місцеві телеграм-канали.",
        [("posted", "місцеві телеграм-канали", "telegram")],
    ),
    (
        "ru",
        "Москва, 2 мая 2024. В Сети появилось видео взрыва на нефтебазе. Ролик опубликовал Telegram-канал Baza.",
        [("posted", "Baza", "telegram")],
    ),
    (
        "ru",
        "Москва, 2 мая 2024. Минобороны показало кадры уничтожения украинской техники. Видео снято с беспилотника.",
        [("released", "Минобороны", None)],
    ),
    (
        "de",
        "Berlin, 2. Mai 2024. Ein Video soll den Angriff auf die Raffinerie zeigen. Es wurde zuerst vom Telegram-Kanal Astra verbreitet.",
        [("posted", "Astra", "telegram")],
    ),
    (
        "de",
        "Berlin, 2. Mai 2024. Die ukrainische Luftwaffe hat Aufnahmen des Abschusses veröffentlicht.",
        [("released", "Luftwaffe", None)],
    ),
    (
        "nl",
        "Amsterdam, 2 mei 2024. Op sociale media circuleert een video van de aanval. Het Oekraïense leger heeft de beelden bevestigd.",
        [("posted", None, "social_media")],
    ),
    (
        "nl",
        "Amsterdam, 2 mei 2024. Een video van de aanval werd gepubliceerd door het persbureau Reuters.",
        [("distributed", "Reuters", None)],
    ),
    (
        "fr",
        "Paris, 2 mai 2024. Une vidéo de l'attaque circule sur les réseaux sociaux. Elle a été publiée par le média ukrainien Hromadske.",
        [("posted", None, "social_media"), ("published", "Hromadske", None)],
    ),
    (
        "es",
        "Madrid, 2 de mayo de 2024. Un vídeo del ataque circula por las redes sociales. Fue difundido inicialmente por el canal de Telegram Rybar.",
        [("posted", "Rybar", "telegram")],
    ),
    (
        "en",
        "Kyiv, May 2, 2024. A video of the attack is circulating online. It was first posted by the Telegram channel Ukraine Now.",
        [("posted", "Ukraine Now", "telegram")],
    ),
    (
        "en",
        "Kyiv, May 2, 2024. The Ukrainian Navy said its sea drones hit the ship, and published a video of the strike.",
        [("released", "Ukrainian Navy", None)],
    ),
    (
        "en",
        "Kyiv, May 2, 2024. Footage from the scene, shared by emergency services, shows rescuers pulling a woman from the rubble.",
        [("released", "emergency services", None)],
    ),
    (
        "en",
        "Kyiv, May 2, 2024. The video, provided to CNN by a Ukrainian military source, shows the moment of impact.",
        [("posted", "Ukrainian military source", None), ("published", "CNN", None)],
    ),
    (
        "en",
        "Kyiv, May 2, 2024. Russian state TV aired footage of what it said were captured Ukrainian soldiers.",
        [("published", "Russian state TV", None)],
    ),
    (
        "en",
        "Kyiv, May 2, 2024. According to the BBC, which analysed the video frame by frame, the clip was filmed in Kherson.",
        [("verified", "BBC", None)],
    ),
    (
        "en",
        "Kyiv, May 2, 2024. The video has been shared thousands of times on X and Facebook.",
        [("posted", None, "twitter")],
    ),
    (
        "nl",
        "Amsterdam, 2 mei 2024. Volgens Bellingcat, dat de beelden onderzocht, is de video in Marioepol opgenomen.",
        [("verified", "Bellingcat", None)],
    ),
    (
        "de",
        "Berlin, 2. Mai 2024. Nach Angaben der Polizei wurde das Video von einem Passanten aufgenommen.",
        [("filmed", "Passanten", None)],
    ),
    (
        "fr",
        "Paris, 2 mai 2024. Selon la police, la vidéo a été tournée par un passant.",
        [("filmed", "passant", None)],
    ),
    (
        "es",
        "Madrid, 2 de mayo de 2024. Según la policía, el vídeo fue grabado por un transeúnte.",
        [("filmed", "transeúnte", None)],
    ),
    (
        "uk",
        "Київ, 2 травня 2024. За словами поліції, відео зняв перехожий.",
        [("filmed", "перехожий", None)],
    ),
    (
        "ru",
        "Москва, 2 мая 2024. По словам полиции, видео снял прохожий.",
        [("filmed", "прохожий", None)],
    ),
    (
        "en",
        "Kyiv, May 2, 2024. A bystander captured the blast on his phone, and the footage was later broadcast by Ukrainian TV.",
        [("filmed", "bystander", None), ("published", "Ukrainian TV", None)],
    ),
    (
        "en",
        "Kyiv, May 2, 2024. The clip was reposted by the war monitor Deep State.",
        [("posted", "Deep State", None)],
    ),
    (
        "en",
        "Kyiv, May 2, 2024. Journalist Anna Kovalenko retweeted the video with a caption about the strike.",
        [("posted", "Anna Kovalenko", "twitter")],
    ),
    (
        "en",
        "Kyiv, May 2, 2024. The footage was livestreamed on TikTok by a local blogger.",
        [("posted", "local blogger", "tiktok")],
    ),
    (
        "en",
        "Kyiv, May 2, 2024. As seen in a video posted by the 3rd Assault Brigade, the drone hits a tank.",
        [("released", "3rd Assault Brigade", None)],
    ),
    (
        "de",
        "Berlin, 2. Mai 2024. Der Clip wurde von einem Nutzer auf TikTok hochgeladen.",
        [("posted", "Nutzer", "tiktok")],
    ),
    (
        "nl",
        "Amsterdam, 2 mei 2024. De video werd door een soldaat op TikTok gezet.",
        [("posted", "soldaat", "tiktok")],
    ),
    (
        "nl",
        "Amsterdam, 2 mei 2024. Een soldaat plaatste de video op Instagram.",
        [("posted", "soldaat", "instagram")],
    ),
    (
        "fr",
        "Paris, 2 mai 2024. La vidéo a été mise en ligne par un soldat sur TikTok.",
        [("posted", "soldat", "tiktok")],
    ),
    (
        "es",
        "Madrid, 2 de mayo de 2024. El vídeo fue subido a TikTok por un soldado.",
        [("posted", "soldado", "tiktok")],
    ),
    (
        "es",
        "Madrid, 2 de mayo de 2024. Un soldado colgó el vídeo en Instagram.",
        [("posted", "soldado", "instagram")],
    ),
    (
        "uk",
        "Київ, 2 травня 2024. Відео виклав у мережу військовий 3-ї бригади.",
        [("posted", "військовий", None)],
    ),
    (
        "uk",
        "Київ, 2 травня 2024. Ролик розмістив блогер на своїй сторінці у Facebook.",
        [("posted", "блогер", "facebook")],
    ),
    (
        "ru",
        "Москва, 2 мая 2024. Видео выложил в сеть военкор Александр Коц.",
        [("posted", "Александр Коц", None)],
    ),
    (
        "ru",
        "Москва, 2 мая 2024. Ролик разместил блогер на своей странице во «ВКонтакте».",
        [("posted", "блогер", "vk")],
    ),
    (
        "en",
        "Kyiv, May 2, 2024. Ukraine's military intelligence agency, the HUR, released a video showing the attack on the bridge.",
        [("released", "HUR", None)],
    ),
    (
        "en",
        "Kyiv, May 2, 2024. The video, first published by Ukrainska Pravda, was later shared by the Ministry of Defence on X.",
        [("published", "Ukrainska Pravda", None), ("released", "Ministry of Defence", "twitter")],
    ),
    (
        "en",
        "Kyiv, May 2, 2024. Newsflash, a video agency, distributed the footage to international outlets.",
        [("distributed", "Newsflash", None)],
    ),
    (
        "en",
        "Kyiv, May 2, 2024. The footage was shot by a drone operator of the 79th Brigade, the unit said.",
        [("filmed", "drone operator", None)],
    ),
    (
        "nl",
        "Amsterdam, 2 mei 2024. De video werd vrijdag gedeeld door het Oekraïense ministerie van Defensie op X.",
        [("released", "ministerie van Defensie", "twitter")],
    ),
    (
        "de",
        "Berlin, 2. Mai 2024. Das Video veröffentlichte das ukrainische Verteidigungsministerium am Freitag auf X.",
        [("released", "Verteidigungsministerium", "twitter")],
    ),
    (
        "fr",
        "Paris, 2 mai 2024. La vidéo a été publiée vendredi sur X par le ministère ukrainien de la Défense.",
        [("released", "ministère ukrainien de la Défense", "twitter")],
    ),
    (
        "es",
        "Madrid, 2 de mayo de 2024. El vídeo fue publicado el viernes en X por el Ministerio de Defensa de Ucrania.",
        [("released", "Ministerio de Defensa", "twitter")],
    ),
    (
        "uk",
        "Київ, 2 травня 2024. Відео в п'ятницю оприлюднило Міністерство оборони України в X.",
        [("released", "Міністерство оборони", "twitter")],
    ),
    (
        "ru",
        "Москва, 2 мая 2024. Видео в пятницу опубликовало Министерство обороны России в Telegram.",
        [("released", "Министерство обороны", "telegram")],
    ),
    # Written on 2026-12-03, before any rule for them (the figure before: docs/benchmarks.md).
    (
        "en",
        "Kyiv, May 3, 2024. The video, which was first posted on Telegram by the pro-Ukrainian channel Exilenova+, shows a refinery on fire.",
        [("posted", "Exilenova+", "telegram")],
    ),
    (
        "en",
        "Kyiv, May 3, 2024. Video released by Ukraine's Security Service (SBU) on Thursday shows a drone hitting an oil depot.",
        [("released", "Security Service", None)],
    ),
    (
        "en",
        "Kyiv, May 3, 2024. The New York Times verified the video, which shows soldiers near a burning house.",
        [("verified", "New York Times", None)],
    ),
    (
        "en",
        "Kyiv, May 3, 2024. According to a post on the brigade's Telegram channel, the footage was filmed by one of its drone pilots.",
        [("filmed", "drone pilots", None)],
    ),
    (
        "en",
        "Kyiv, May 3, 2024. The footage was originally uploaded to YouTube by a user called Frontline Eye and later picked up by Russian state television.",
        [("posted", "Frontline Eye", "youtube"), ("published", "Russian state television", None)],
    ),
    (
        "en",
        "Kyiv, May 3, 2024. Sky News was unable to verify the footage, which was shared by a Russian war blogger on Telegram.",
        [("posted", "Russian war blogger", "telegram")],
    ),
    (
        "en",
        "Kyiv, May 3, 2024. The Insider obtained dashcam video of the crash and published it on its website.",
        [("published", "The Insider", None)],
    ),
    (
        "en",
        "Kyiv, May 3, 2024. A soldier filmed the assault on his helmet camera; the video was then passed to the Associated Press.",
        [("filmed", "soldier", None), ("distributed", "Associated Press", None)],
    ),
    (
        "nl",
        "Amsterdam, 3 mei 2024. De beelden werden donderdag door het Oekraïense leger op Telegram gezet.",
        [("released", "Oekraïense leger", "telegram")],
    ),
    (
        "nl",
        "Amsterdam, 3 mei 2024. Een video die rondgaat op sociale media toont een tank die in brand staat. De NOS heeft de beelden geverifieerd.",
        [("posted", None, "social_media"), ("verified", "NOS", None)],
    ),
    (
        "nl",
        "Amsterdam, 3 mei 2024. Het Russische ministerie van Defensie verspreidde woensdag een video van de aanval.",
        [("released", "ministerie van Defensie", None)],
    ),
    (
        "nl",
        "Amsterdam, 3 mei 2024. Volgens onderzoekers van Bellingcat is de video gefilmd in Charkiv.",
        [("verified", "Bellingcat", None)],
    ),
    (
        "de",
        "Berlin, 3. Mai 2024. Das Video wurde am Mittwoch von der ukrainischen Nationalgarde auf Telegram veröffentlicht.",
        [("released", "Nationalgarde", "telegram")],
    ),
    (
        "de",
        "Berlin, 3. Mai 2024. Ein russischer Militärblogger verbreitete die Aufnahmen auf Telegram. Der Spiegel konnte die Echtheit des Videos bestätigen.",
        [("posted", "Militärblogger", "telegram"), ("verified", "Spiegel", None)],
    ),
    (
        "de",
        "Berlin, 3. Mai 2024. Die Aufnahmen, die ein Anwohner mit seinem Handy gemacht hat, zeigen eine Explosion.",
        [("filmed", "Anwohner", None)],
    ),
    (
        "fr",
        "Paris, 3 mai 2024. Les images ont été tournées par un habitant de Kharkiv et partagées sur X.",
        [("filmed", "habitant", None), ("posted", None, "twitter")],
    ),
    (
        "fr",
        "Paris, 3 mai 2024. Le ministère ukrainien de la Défense a publié mercredi une vidéo de l'attaque sur Telegram.",
        [("released", "ministère ukrainien de la Défense", "telegram")],
    ),
    (
        "fr",
        "Paris, 3 mai 2024. Selon les vérifications de l'AFP, la vidéo a été filmée à Marioupol en 2022.",
        [("verified", "AFP", None)],
    ),
    (
        "fr",
        "Paris, 3 mai 2024. Cette vidéo, diffusée par la chaîne russe RT, montre un pont détruit.",
        [("published", "RT", None)],
    ),
    (
        "es",
        "Madrid, 3 de mayo de 2024. El vídeo fue grabado por un vecino y compartido en TikTok.",
        [("filmed", "vecino", None), ("posted", None, "tiktok")],
    ),
    (
        "es",
        "Madrid, 3 de mayo de 2024. El Ministerio de Defensa ruso difundió el miércoles un vídeo del ataque.",
        [("released", "Ministerio de Defensa", None)],
    ),
    (
        "es",
        "Madrid, 3 de mayo de 2024. Maldita.es comprobó que las imágenes son de 2022.",
        [("verified", "Maldita", None)],
    ),
    (
        "es",
        "Madrid, 3 de mayo de 2024. Las imágenes, publicadas por la agencia Reuters, muestran un tanque en llamas.",
        [("distributed", "Reuters", None)],
    ),
    (
        "uk",
        "Київ, 3 травня 2024. Відео удару оприлюднили у Силах оборони півдня.",
        [("released", "Силах оборони півдня", None)],
    ),
    (
        "uk",
        "Київ, 3 травня 2024. Кадри зняв місцевий житель на телефон, а згодом їх поширили телеграм-канали.",
        [("filmed", "місцевий житель", None), ("posted", "телеграм-канали", "telegram")],
    ),
    (
        "uk",
        "Київ, 3 травня 2024. Відео опублікувала Національна гвардія України у своєму Telegram-каналі.",
        [("released", "Національна гвардія", "telegram")],
    ),
    (
        "uk",
        "Київ, 3 травня 2024. Фахівці Центру протидії дезінформації встановили, що відео змонтоване.",
        [("verified", "Центру протидії дезінформації", None)],
    ),
    (
        "ru",
        "Москва, 3 мая 2024. Видео снял местный житель, его опубликовал телеграм-канал «База».",
        [("filmed", "местный житель", None), ("posted", "«База»", "telegram")],
    ),
    (
        "ru",
        "Москва, 3 мая 2024. Минобороны России опубликовало кадры уничтожения танка.",
        [("released", "Минобороны", None)],
    ),
    (
        "ru",
        "Москва, 3 мая 2024. Ролик распространяют провоенные телеграм-каналы.",
        [("posted", "телеграм-каналы", "telegram")],
    ),
    (
        "ru",
        "Москва, 3 мая 2024. Журналисты «Верстки» проверили видео и выяснили, что оно снято в 2022 году.",
        [("verified", "Верстки", None)],
    ),
    # Written on 2026-12-03 in the evening, before any rule for them (docs/benchmarks.md).
    (
        "en",
        "Kyiv, May 4, 2024. Drone footage published by the Ukrainian Navy on Saturday appears to show a sea drone striking a patrol boat.",
        [("released", "Ukrainian Navy", None)],
    ),
    (
        "en",
        "Kyiv, May 4, 2024. The video was filmed by a member of the 22nd Brigade and later posted on the unit's Facebook page.",
        [("filmed", "member of the 22nd Brigade", None), ("released", "unit", "facebook")],
    ),
    (
        "en",
        "Kyiv, May 4, 2024. A clip shared by the Russian Defence Ministry claims to show the capture of the village.",
        [("released", "Russian Defence Ministry", None)],
    ),
    (
        "en",
        "Kyiv, May 4, 2024. Geolocation by the investigative group Molfar placed the video in the town of Pokrovsk.",
        [("verified", "Molfar", None)],
    ),
    (
        "en",
        "Kyiv, May 4, 2024. The BBC's verification team established that the footage was filmed in 2022.",
        [("verified", "BBC", None)],
    ),
    (
        "en",
        "Kyiv, May 4, 2024. The footage, provided to CNN by a Ukrainian official, shows the aftermath.",
        [("published", "CNN", None), ("released", "Ukrainian official", None)],
    ),
    (
        "en",
        "Kyiv, May 4, 2024. Videos posted to social media by residents show a large fire at the depot.",
        [("posted", "residents", "social_media")],
    ),
    (
        "nl",
        "Amsterdam, 4 mei 2024. De beelden zijn gemaakt door een Oekraïense drone en gedeeld door de brigade op Telegram.",
        [("released", "brigade", "telegram")],
    ),
    (
        "nl",
        "Amsterdam, 4 mei 2024. Op X circuleert een filmpje dat volgens de Russische zender RT de aanval toont.",
        [("posted", None, "twitter")],
    ),
    (
        "nl",
        "Amsterdam, 4 mei 2024. Onderzoekers van Bellingcat hebben de video gegeolokaliseerd.",
        [("verified", "Bellingcat", None)],
    ),
    (
        "de",
        "Berlin, 4. Mai 2024. Die ukrainische Marine veröffentlichte auf Telegram ein Video, das einen Angriff zeigen soll.",
        [("released", "Marine", "telegram")],
    ),
    (
        "de",
        "Berlin, 4. Mai 2024. Das Video wurde nach Angaben von Correctiv bereits 2022 aufgenommen.",
        [("verified", "Correctiv", None)],
    ),
    (
        "de",
        "Berlin, 4. Mai 2024. Ein Anwohner filmte die Explosion mit seinem Handy.",
        [("filmed", "Anwohner", None)],
    ),
    (
        "fr",
        "Paris, 4 mai 2024. Les images, publiées sur Telegram par le groupe Wagner, montrent des combattants.",
        [("posted", "groupe Wagner", "telegram")],
    ),
    (
        "fr",
        "Paris, 4 mai 2024. Un habitant a filmé la scène depuis son balcon.",
        [("filmed", "habitant", None)],
    ),
    (
        "fr",
        "Paris, 4 mai 2024. France 24 a pu vérifier l'authenticité de la vidéo.",
        [("verified", "France 24", None)],
    ),
    (
        "es",
        "Madrid, 4 de mayo de 2024. Las imágenes fueron grabadas por un dron ucraniano y difundidas por el Ministerio de Defensa.",
        [("released", "Ministerio de Defensa", None)],
    ),
    (
        "es",
        "Madrid, 4 de mayo de 2024. Un usuario de X publicó el vídeo, que luego fue compartido por medios rusos.",
        [("posted", "usuario", "twitter"), ("published", "medios rusos", None)],
    ),
    (
        "es",
        "Madrid, 4 de mayo de 2024. Newtral ha verificado que el vídeo fue grabado en Járkov.",
        [("verified", "Newtral", None)],
    ),
    (
        "uk",
        "Київ, 4 травня 2024. Відео оприлюднили в Генеральному штабі ЗСУ.",
        [("released", "Генеральному штабі", None)],
    ),
    (
        "uk",
        "Київ, 4 травня 2024. Кадри, які поширив телеграм-канал «Труха», показують пожежу.",
        [("posted", "«Труха»", "telegram")],
    ),
    (
        "uk",
        "Київ, 4 травня 2024. Відео зняв дрон 47-ї бригади, повідомили в пресслужбі.",
        [("filmed", "47-ї бригади", None)],
    ),
    (
        "ru",
        "Москва, 4 мая 2024. Кадры, снятые с дрона, опубликовал телеграм-канал «Рыбарь».",
        [("posted", "«Рыбарь»", "telegram")],
    ),
    (
        "ru",
        "Москва, 4 мая 2024. Видео удара показал Первый канал.",
        [("published", "Первый канал", None)],
    ),
    (
        "ru",
        "Москва, 4 мая 2024. Ролик снял очевидец, который находился рядом с местом взрыва.",
        [("filmed", "очевидец", None)],
    ),
    # Written on 2026-12-03 at 19:10, longer sentences as reports write them, before any rule.
    (
        "en",
        "Kyiv, May 5, 2024. The footage, which Ukraine's 3rd Assault Brigade said was filmed by one of its reconnaissance drones over Avdiivka on Friday, was shared on the brigade's Telegram channel and later reposted by the war monitor DeepState.",
        [("released", "3rd Assault Brigade", "telegram"), ("posted", "DeepState", None)],
    ),
    (
        "en",
        "Kyiv, May 5, 2024. In a statement accompanying the video, the Russian Defence Ministry said its forces had destroyed a Ukrainian tank near Chasiv Yar, though the clip could not be independently verified.",
        [("released", "Russian Defence Ministry", None)],
    ),
    (
        "en",
        "Kyiv, May 5, 2024. Videos that began circulating on Telegram on Sunday, and which the BBC has geolocated to the outskirts of Kupiansk, show a column of armoured vehicles under fire.",
        [("posted", None, "telegram"), ("verified", "BBC", None)],
    ),
    (
        "en",
        "Kyiv, May 5, 2024. The clip first emerged on X, where it was posted by an account that regularly shares footage from the front, before being picked up by several Russian outlets.",
        [("posted", "account", "twitter"), ("published", "Russian outlets", None)],
    ),
    (
        "en",
        "Kyiv, May 5, 2024. Oleh Syniehubov, the head of the Kharkiv regional administration, posted a video on his Telegram channel showing firefighters at the scene.",
        [("posted", "Oleh Syniehubov", "telegram")],
    ),
    (
        "nl",
        "Amsterdam, 5 mei 2024. De beelden, die volgens het Oekraïense leger zijn gemaakt door een drone van de 47ste brigade, werden zondag op Telegram gezet en daarna massaal gedeeld.",
        [("released", "Oekraïense leger", None), ("posted", None, "telegram")],
    ),
    (
        "nl",
        "Amsterdam, 5 mei 2024. Een woordvoerder van het Russische ministerie van Defensie zei dat de video een aanval op een Oekraïense stelling laat zien.",
        [("posted", "woordvoerder", None)],
    ),
    (
        "de",
        "Berlin, 5. Mai 2024. Das Video, das zuerst auf dem Telegram-Kanal der ukrainischen Nationalgarde erschien, zeigt nach Angaben der Einheit einen Angriff auf eine russische Stellung.",
        [("released", "Nationalgarde", "telegram")],
    ),
    (
        "de",
        "Berlin, 5. Mai 2024. Wie die Rechercheure von Bellingcat herausfanden, wurde das Video bereits im Jahr 2022 in Mariupol aufgenommen.",
        [("verified", "Bellingcat", None)],
    ),
    (
        "fr",
        "Paris, 5 mai 2024. La vidéo, publiée dimanche par l'armée ukrainienne sur son compte Telegram, montre selon elle la destruction d'un système de défense antiaérienne russe.",
        [("released", "armée ukrainienne", "telegram")],
    ),
    (
        "fr",
        "Paris, 5 mai 2024. Ces images, qui circulent depuis samedi sur les réseaux sociaux, ont été authentifiées par la cellule de vérification de France 24.",
        [("posted", None, "social_media"), ("verified", "France 24", None)],
    ),
    (
        "es",
        "Madrid, 5 de mayo de 2024. El vídeo, que el Ministerio de Defensa ruso publicó el domingo en su canal de Telegram, muestra la destrucción de un carro de combate.",
        [("released", "Ministerio de Defensa", "telegram")],
    ),
    (
        "es",
        "Madrid, 5 de mayo de 2024. Según ha podido comprobar el equipo de verificación de EFE, las imágenes fueron grabadas en 2022 en la región de Járkov.",
        [("verified", "EFE", None)],
    ),
    (
        "uk",
        "Київ, 5 травня 2024. Відео, яке в неділю оприлюднили в Силах оборони, показує знищення російської техніки поблизу Бахмута.",
        [("released", "Силах оборони", None)],
    ),
    (
        "uk",
        "Київ, 5 травня 2024. Як встановили журналісти проєкту «Схеми», відео було знято ще у 2022 році.",
        [("verified", "«Схеми»", None)],
    ),
    (
        "ru",
        "Москва, 5 мая 2024. Видео, которое в воскресенье опубликовал телеграм-канал «Два майора», показывает удар по колонне техники.",
        [("posted", "«Два майора»", "telegram")],
    ),
    (
        "ru",
        "Москва, 5 мая 2024. Как выяснили журналисты издания «Агентство», ролик был снят ещё в 2022 году.",
        [("verified", "«Агентство»", None)],
    ),
    # Written on 2026-12-03 at 19:20, posts and their words, before any rule for them.
    (
        "en",
        'Kyiv, May 6, 2024. "Another one down," the 93rd Brigade wrote on Telegram, sharing a video of a drone hitting a tank.',
        [("released", "93rd Brigade", "telegram")],
    ),
    (
        "en",
        "Kyiv, May 6, 2024. In a post on X accompanying the video, Interior Minister Ihor Klymenko said rescuers were still at the scene.",
        [("posted", "Ihor Klymenko", "twitter")],
    ),
    (
        "en",
        "Kyiv, May 6, 2024. Governor Oleh Syniehubov and the city's mayor both shared the footage on their Telegram channels.",
        [("posted", "Oleh Syniehubov", "telegram")],
    ),
    (
        "en",
        'Kyiv, May 6, 2024. The video, captioned "Kherson, this morning", was posted on TikTok by the user kherson_live.',
        [("posted", "kherson_live", "tiktok")],
    ),
    (
        "en",
        "Kyiv, May 6, 2024. Ukrainian officials released the footage on Monday, saying it showed a strike on a Russian command post.",
        [("released", "Ukrainian officials", None)],
    ),
    (
        "nl",
        'Amsterdam, 6 mei 2024. "Weer een tank minder", schreef de brigade op Telegram bij een video van de aanval.',
        [("released", "brigade", "telegram")],
    ),
    (
        "de",
        "Berlin, 6. Mai 2024. Der ukrainische Generalstab teilte am Montag ein Video auf Facebook, das den Angriff zeigen soll.",
        [("released", "Generalstab", "facebook")],
    ),
    (
        "de",
        "Berlin, 6. Mai 2024. „Ein weiterer Erfolg“, schrieb der Bürgermeister auf Telegram zu einem Video der Explosion.",
        [("posted", "Bürgermeister", "telegram")],
    ),
    (
        "fr",
        "Paris, 6 mai 2024. « Encore un », a écrit la brigade sur Telegram en partageant une vidéo de l'attaque.",
        [("released", "brigade", "telegram")],
    ),
    (
        "es",
        'Madrid, 6 de mayo de 2024. "Otro más", escribió la brigada en Telegram junto a un vídeo del ataque.',
        [("released", "brigada", "telegram")],
    ),
    (
        "uk",
        "Київ, 6 травня 2024. «Ще один», — написали в 93-й бригаді, оприлюднивши відео удару.",
        [("released", "93-й бригаді", None)],
    ),
    (
        "uk",
        "Київ, 6 травня 2024. Відео, поширене телеграм-каналом «Труха», показує вибух на заводі.",
        [("posted", "«Труха»", "telegram")],
    ),
    (
        "ru",
        "Москва, 6 мая 2024. Видео, опубликованное телеграм-каналом «Рыбарь», показывает удар по мосту.",
        [("posted", "«Рыбарь»", "telegram")],
    ),
    (
        "ru",
        "Москва, 6 мая 2024. «Ещё один», — написал губернатор в Telegram, приложив видео пожара.",
        [("posted", "губернатор", "telegram")],
    ),
    # Written on 2026-12-03 at 19:20, more news phrasings, before any rule for them.
    (
        "en",
        "Kyiv, May 7, 2024. The video, first shared by the Telegram channel Rybar, was later verified by the BBC.",
        [("posted", "Rybar", "telegram"), ("verified", "BBC", None)],
    ),
    (
        "en",
        "Kyiv, May 7, 2024. NEXTA, a Belarusian opposition outlet, posted the clip on X on Tuesday.",
        [("published", "NEXTA", "twitter")],
    ),
    (
        "en",
        "Kyiv, May 7, 2024. The footage was reportedly filmed by a resident of the village and sent to local journalists.",
        [("filmed", "resident", None)],
    ),
    (
        "en",
        "Kyiv, May 7, 2024. The visual investigations team of The New York Times analysed the footage frame by frame.",
        [("verified", "New York Times", None)],
    ),
    (
        "en",
        "Kyiv, May 7, 2024. A TikTok account called Frontline Diaries posted the clip, which has since been viewed two million times.",
        [("posted", "Frontline Diaries", "tiktok")],
    ),
    (
        "en",
        "Kyiv, May 7, 2024. Anton Gerashchenko (@Gerashchenko_en) tweeted the clip on Sunday.",
        [("posted", "Anton Gerashchenko", "twitter")],
    ),
    (
        "nl",
        "Amsterdam, 7 mei 2024. Het filmpje werd eerder gedeeld door het Russische staatspersbureau TASS.",
        [("distributed", "TASS", None)],
    ),
    (
        "nl",
        "Amsterdam, 7 mei 2024. De video is volgens de omschrijving gemaakt door een Oekraïense soldaat.",
        [("filmed", "Oekraïense soldaat", None)],
    ),
    (
        "de",
        "Berlin, 7. Mai 2024. Die Aufnahmen wurden der Nachrichtenagentur dpa zugespielt.",
        [("distributed", "dpa", None)],
    ),
    (
        "de",
        "Berlin, 7. Mai 2024. Laut der Bildunterschrift wurde das Video von einem Soldaten der 47. Brigade gedreht.",
        [("filmed", "Soldaten", None)],
    ),
    (
        "fr",
        "Paris, 7 mai 2024. La vidéo a d'abord été diffusée par le média biélorusse Nexta sur Telegram.",
        [("published", "Nexta", "telegram")],
    ),
    (
        "es",
        "Madrid, 7 de mayo de 2024. El vídeo, que se hizo viral en TikTok, fue grabado por un soldado ucraniano.",
        [("posted", None, "tiktok"), ("filmed", "soldado ucraniano", None)],
    ),
    (
        "uk",
        "Київ, 7 травня 2024. Відео зняв боєць 3-ї штурмової бригади, а оприлюднив його командир підрозділу.",
        [("filmed", "боєць 3-ї штурмової бригади", None), ("posted", "командир", None)],
    ),
    (
        "ru",
        "Москва, 7 мая 2024. Видео было снято военнослужащим и опубликовано Министерством обороны.",
        [("filmed", "военнослужащим", None), ("released", "Министерством обороны", None)],
    ),
    # Written on 2026-12-03 at 19:30, before any rule for them.
    (
        "en",
        "Kyiv, May 9, 2024. Footage from the scene, shared by the State Emergency Service, shows firefighters at work.",
        [("released", "State Emergency Service", None)],
    ),
    (
        "en",
        "Kyiv, May 9, 2024. Russian state TV channel Rossiya 1 aired the footage on its evening news.",
        [("published", "Rossiya 1", None)],
    ),
    (
        "en",
        "Kyiv, May 9, 2024. A video obtained exclusively by Sky News shows the moment of the explosion.",
        [("published", "Sky News", None)],
    ),
    (
        "en",
        "Kyiv, May 9, 2024. The Wall Street Journal, which reviewed the footage, said it was filmed near Vovchansk.",
        [("verified", "Wall Street Journal", None)],
    ),
    (
        "en",
        "Kyiv, May 9, 2024. Verified by CNN, the footage shows soldiers advancing across a field.",
        [("verified", "CNN", None)],
    ),
    (
        "en",
        "Kyiv, May 9, 2024. The strategic communications department of Ukraine's armed forces published the video on Facebook.",
        [("released", "strategic communications department", "facebook")],
    ),
    (
        "de",
        "Berlin, 9. Mai 2024. Das Video veröffentlichte die Polizei auf X.",
        [("released", "Polizei", "twitter")],
    ),
    (
        "fr",
        "Paris, 9 mai 2024. La vidéo, authentifiée par l'AFP, montre un convoi sous le feu.",
        [("verified", "AFP", None)],
    ),
    (
        "es",
        "Madrid, 9 de mayo de 2024. Las imágenes, captadas por un vecino, muestran el incendio.",
        [("filmed", "vecino", None)],
    ),
    (
        "uk",
        "Київ, 9 травня 2024. Відео опублікувала пресслужба ДСНС.",
        [("posted", "пресслужба ДСНС", None)],
    ),
    (
        "ru",
        "Москва, 9 мая 2024. Кадры опубликовала пресс-служба МЧС.",
        [("posted", "пресс-служба МЧС", None)],
    ),
    (
        "nl",
        "Amsterdam, 9 mei 2024. Volgens de Oekraïense politie zijn de beelden gemaakt door een bewakingscamera.",
        [("released", "Oekraïense politie", None)],
    ),
    # Written on 2026-12-04, common news constructions in all seven languages, before any rule.
    (
        "en",
        "Kyiv, May 10, 2024. Footage shared by the Ukrainian General Staff on Telegram shows a bridge collapsing into the river.",
        [("released", "Ukrainian General Staff", "telegram")],
    ),
    (
        "en",
        "Kyiv, May 10, 2024. A video posted to X by the account @WarMonitor appears to show a helicopter being shot down.",
        [("posted", "@WarMonitor", "twitter")],
    ),
    (
        "en",
        "Kyiv, May 10, 2024. The clip, which has been viewed more than a million times, was uploaded to TikTok by a user called frontline_diary.",
        [("posted", "frontline_diary", "tiktok")],
    ),
    (
        "en",
        "Kyiv, May 10, 2024. Reuters was able to confirm the location of the video from buildings visible in it.",
        [("verified", "Reuters", None)],
    ),
    (
        "en",
        "Kyiv, May 10, 2024. The video was originally broadcast by the Russian state television channel Zvezda.",
        [("published", "Zvezda", None)],
    ),
    (
        "en",
        "Kyiv, May 10, 2024. According to the Ukrainian Air Force, the video was recorded by a pilot during the mission.",
        [("released", "Ukrainian Air Force", None), ("filmed", "pilot", None)],
    ),
    (
        "en",
        "Kyiv, May 10, 2024. A spokesman for the brigade posted the footage on his Telegram channel on Sunday.",
        [("posted", "spokesman", "telegram")],
    ),
    (
        "en",
        "Kyiv, May 10, 2024. The Associated Press obtained the video from a resident who filmed it from her balcony.",
        [("distributed", "Associated Press", None), ("filmed", "resident", None)],
    ),
    (
        "en",
        "Kyiv, May 10, 2024. The footage was published by the Kyiv Independent, which said it had received it from a source in the military.",
        [("published", "Kyiv Independent", None)],
    ),
    (
        "en",
        "Kyiv, May 10, 2024. Drone footage released Tuesday by the 3rd Assault Brigade purports to show the destruction of a Russian tank.",
        [("released", "3rd Assault Brigade", None)],
    ),
    (
        "nl",
        "Amsterdam, 10 mei 2024. De beelden werden zondag verspreid door het Russische ministerie van Defensie.",
        [("released", "ministerie van Defensie", None)],
    ),
    (
        "nl",
        "Amsterdam, 10 mei 2024. Op X deelde het account @OSINTtechnical een video waarop te zien is hoe een tank wordt geraakt.",
        [("posted", "@OSINTtechnical", "twitter")],
    ),
    (
        "nl",
        "Amsterdam, 10 mei 2024. Onderzoekers van Bellingcat hebben de locatie van de beelden vastgesteld.",
        [("verified", "Bellingcat", None)],
    ),
    (
        "nl",
        "Amsterdam, 10 mei 2024. De NOS heeft de video geverifieerd.",
        [("verified", "NOS", None)],
    ),
    (
        "de",
        "Berlin, 10. Mai 2024. Das Video wurde zuerst auf Telegram vom Kanal Rybar veröffentlicht.",
        [("posted", "Rybar", "telegram")],
    ),
    (
        "de",
        "Berlin, 10. Mai 2024. Die ukrainische Armee veröffentlichte die Aufnahmen am Sonntag auf Facebook.",
        [("released", "ukrainische Armee", "facebook")],
    ),
    (
        "de",
        "Berlin, 10. Mai 2024. Nach Angaben der Polizei wurde das Video von einer Überwachungskamera aufgezeichnet.",
        [("released", "Polizei", None)],
    ),
    (
        "de",
        "Berlin, 10. Mai 2024. Ein Soldat hat die Szene mit seiner Helmkamera gefilmt, das Video kursiert seitdem im Netz.",
        [("filmed", "Soldat", None), ("posted", None, "social_media")],
    ),
    (
        "fr",
        "Paris, 10 mai 2024. La vidéo a été publiée sur Telegram par le ministère russe de la Défense.",
        [("released", "ministère russe de la Défense", "telegram")],
    ),
    (
        "fr",
        "Paris, 10 mai 2024. Selon l'armée ukrainienne, les images ont été filmées par un drone de reconnaissance.",
        [("released", "armée ukrainienne", None)],
    ),
    (
        "fr",
        "Paris, 10 mai 2024. Un habitant a filmé la scène depuis sa fenêtre.",
        [("filmed", "habitant", None)],
    ),
    (
        "fr",
        "Paris, 10 mai 2024. Les images ont été géolocalisées par les journalistes du Monde.",
        [("verified", "Monde", None)],
    ),
    (
        "fr",
        "Paris, 10 mai 2024. Diffusée par l'agence Reuters, la vidéo montre un immeuble en flammes.",
        [("distributed", "Reuters", None)],
    ),
    (
        "es",
        "Madrid, 10 de mayo de 2024. El vídeo fue publicado en Telegram por el Ministerio de Defensa ruso.",
        [("released", "Ministerio de Defensa", "telegram")],
    ),
    (
        "es",
        "Madrid, 10 de mayo de 2024. Según la policía, las imágenes fueron grabadas por un testigo.",
        [("released", "policía", None), ("filmed", "testigo", None)],
    ),
    (
        "es",
        "Madrid, 10 de mayo de 2024. La agencia EFE distribuyó el vídeo el lunes.",
        [("distributed", "EFE", None)],
    ),
    (
        "es",
        "Madrid, 10 de mayo de 2024. Maldita.es verificó que el vídeo fue grabado en 2019.",
        [("verified", "Maldita", None)],
    ),
    (
        "uk",
        "Київ, 10 травня 2024. Відео оприлюднив Генеральний штаб ЗСУ у своєму телеграм-каналі.",
        [("released", "Генеральний штаб", "telegram")],
    ),
    (
        "uk",
        "Київ, 10 травня 2024. Кадри зняв місцевий мешканець зі свого балкона.",
        [("filmed", "мешканець", None)],
    ),
    (
        "uk",
        "Київ, 10 травня 2024. Відео поширили в соцмережах російські військові блогери.",
        [("posted", "блогери", "social_media")],
    ),
    (
        "ru",
        "Москва, 10 мая 2024. Видео опубликовало Минобороны России в своем телеграм-канале.",
        [("released", "Минобороны", "telegram")],
    ),
    (
        "ru",
        "Москва, 10 мая 2024. Ролик снял местный житель на телефон.",
        [("filmed", "житель", None)],
    ),
    (
        "ru",
        "Москва, 10 мая 2024. Видео было распространено агентством Reuters.",
        [("distributed", "Reuters", None)],
    ),
    (
        "ru",
        "Москва, 10 мая 2024. Подлинность записи подтвердили журналисты «Медузы».",
        [("verified", "Медуз", None)],
    ),
    # Written on 2026-12-04, credit lines and stills of a video in all seven languages, before
    # any rule for them.
    (
        "en",
        "Kyiv, May 12, 2024. A video shows a tank burning near Pokrovsk.\n\n(Video: Ukrainian General Staff)",
        [("released", "Ukrainian General Staff", None)],
    ),
    (
        "en",
        "Kyiv, May 12, 2024. Image taken from a video released by the Russian Defence Ministry. The footage shows a missile launch.",
        [("released", "Russian Defence Ministry", None)],
    ),
    (
        "en",
        "Kyiv, May 12, 2024. A screenshot from a video posted by the 47th Brigade shows a tank in a field.",
        [("released", "47th Brigade", None)],
    ),
    (
        "nl",
        "Amsterdam, 12 mei 2024. Op de video is een brandende tank te zien.\n\nBron: Telegram/@rybar",
        [("posted", "@rybar", "telegram")],
    ),
    (
        "nl",
        "Amsterdam, 12 mei 2024. Een still uit een video van het Oekraïense leger toont een brandende tank.",
        [("released", "Oekraïense leger", None)],
    ),
    (
        "de",
        "Berlin, 12. Mai 2024. Das Video zeigt einen brennenden Panzer.\n\nQuelle: Telegram/Ukrainische Armee",
        [("released", "Ukrainische Armee", "telegram")],
    ),
    (
        "de",
        "Berlin, 12. Mai 2024. Ein Standbild aus einem Video der ukrainischen Armee zeigt einen brennenden Panzer.",
        [("released", "ukrainischen Armee", None)],
    ),
    (
        "fr",
        "Paris, 12 mai 2024. La vidéo montre un char en feu.\n\nCrédit vidéo : ministère russe de la Défense / AFP",
        [("released", "ministère russe de la Défense", None), ("distributed", "AFP", None)],
    ),
    (
        "fr",
        "Paris, 12 mai 2024. Capture d'écran d'une vidéo publiée par l'armée ukrainienne, qui montre un char en feu.",
        [("released", "armée ukrainienne", None)],
    ),
    (
        "es",
        "Madrid, 12 de mayo de 2024. El vídeo muestra un tanque en llamas.\n\nFuente: Twitter/@UAWeapons",
        [("posted", "@UAWeapons", "twitter")],
    ),
    (
        "es",
        "Madrid, 12 de mayo de 2024. Captura de un vídeo difundido por el Ministerio de Defensa ruso que muestra un tanque en llamas.",
        [("released", "Ministerio de Defensa", None)],
    ),
    (
        "uk",
        "Київ, 12 травня 2024. На відео видно палаючий танк.\n\nВідео: Генштаб ЗСУ",
        [("released", "Генштаб ЗСУ", None)],
    ),
    (
        "uk",
        "Київ, 12 травня 2024. Скриншот з відео, опублікованого Генштабом ЗСУ, на якому видно палаючий танк.",
        [("released", "Генштаб", None)],
    ),
    (
        "ru",
        "Москва, 12 мая 2024. На видео виден горящий танк.\n\nВидео: Минобороны России",
        [("released", "Минобороны России", None)],
    ),
    (
        "ru",
        "Москва, 12 мая 2024. Скриншот из видео, опубликованного Минобороны России, на котором виден горящий танк.",
        [("released", "Минобороны", None)],
    ),
    # Written on 2026-12-04 at 19:50, more news phrasings in the seven languages, before any
    # rule for them.
    (
        "en",
        "Kyiv, May 13, 2024. Sky News has verified the footage, which shows a column of tanks.",
        [("verified", "Sky News", None)],
    ),
    (
        "en",
        "Kyiv, May 13, 2024. Footage broadcast by Russian state TV showed the damaged bridge.",
        [("published", "Russian state TV", None)],
    ),
    (
        "en",
        "Kyiv, May 13, 2024. The clip was reposted by Russian war correspondents, including Yevgeny Poddubny.",
        [("posted", "war correspondents", None)],
    ),
    (
        "en",
        "Kyiv, May 13, 2024. Zelensky shared the video on his Telegram channel.",
        [("posted", "Zelensky", "telegram")],
    ),
    (
        "en",
        "Kyiv, May 13, 2024. The video was geolocated by open-source analysts to a village east of Pokrovsk.",
        [("verified", "open-source analysts", None)],
    ),
    (
        "en",
        "Kyiv, May 13, 2024. In the video, published by the State Border Guard Service, a boat explodes.",
        [("released", "State Border Guard Service", None)],
    ),
    (
        "en",
        "Kyiv, May 13, 2024. Video released by Ukraine's SBU security service appears to show a drone hitting a refinery.",
        [("released", "SBU", None)],
    ),
    (
        "en",
        "Kyiv, May 13, 2024. A drone operator with the 92nd Brigade filmed the strike.",
        [("filmed", "drone operator", None)],
    ),
    (
        "nl",
        "Amsterdam, 13 mei 2024. Het Russische ministerie van Defensie maakte de beelden zondag bekend.",
        [("released", "ministerie van Defensie", None)],
    ),
    (
        "nl",
        "Amsterdam, 13 mei 2024. De beelden zijn afkomstig van het Oekraïense leger.",
        [("released", "Oekraïense leger", None)],
    ),
    (
        "de",
        "Berlin, 13. Mai 2024. Das ukrainische Militär hat das Video am Sonntag auf Telegram geteilt.",
        [("released", "ukrainische Militär", "telegram")],
    ),
    (
        "de",
        "Berlin, 13. Mai 2024. Das Video stammt vom ukrainischen Grenzschutz.",
        [("released", "Grenzschutz", None)],
    ),
    (
        "fr",
        "Paris, 13 mai 2024. Les images ont été partagées par l'armée ukrainienne sur Telegram.",
        [("released", "armée ukrainienne", "telegram")],
    ),
    (
        "fr",
        "Paris, 13 mai 2024. La vidéo provient du compte Telegram d'un militaire russe.",
        [("posted", "militaire russe", "telegram")],
    ),
    (
        "es",
        "Madrid, 13 de mayo de 2024. Las imágenes fueron compartidas en Telegram por el Ejército ucraniano.",
        [("released", "Ejército ucraniano", "telegram")],
    ),
    (
        "es",
        "Madrid, 13 de mayo de 2024. El vídeo procede de la cuenta de Telegram de un soldado ruso.",
        [("posted", "soldado ruso", "telegram")],
    ),
    (
        "uk",
        "Київ, 13 травня 2024. Відео опублікували в телеграм-каналі 47-ї бригади.",
        [("released", "47-ї бригади", "telegram")],
    ),
    (
        "uk",
        "Київ, 13 травня 2024. Кадри з'явилися в мережі в неділю.",
        [("posted", None, "social_media")],
    ),
    (
        "uk",
        "Київ, 13 травня 2024. Фахівці проєкту «По той бік новин» встановили, що відео зняте у 2019 році.",
        [("verified", "По той бік новин", None)],
    ),
    (
        "ru",
        "Москва, 13 мая 2024. Кадры опубликовал телеграм-канал «Военная хроника».",
        [("posted", "Военная хроника", "telegram")],
    ),
    (
        "ru",
        "Москва, 13 мая 2024. Видео появилось в сети в воскресенье.",
        [("posted", None, "social_media")],
    ),
    (
        "ru",
        "Москва, 13 мая 2024. Журналисты «Агентства» установили, что видео снято в Белгороде.",
        [("verified", "Агентства", None)],
    ),
    # Written on 2026-12-04 at 20:00, attributions and participles as news sites write them,
    # before any rule for them.
    (
        "uk",
        "Київ, 14 травня 2024. Про це повідомили в Генштабі ЗСУ, оприлюднивши відео.",
        [("released", "Генштабі", None)],
    ),
    (
        "uk",
        "Київ, 14 травня 2024. Відповідне відео оприлюднили в Telegram-каналі Сил оборони.",
        [("released", "Сил оборони", "telegram")],
    ),
    (
        "uk",
        "Київ, 14 травня 2024. Як передає Укрінформ, відео зняли місцеві мешканці.",
        [("filmed", "мешканці", None)],
    ),
    (
        "ru",
        "Москва, 14 мая 2024. Об этом сообщил губернатор Вячеслав Гладков, опубликовав видео.",
        [("posted", "Гладков", None)],
    ),
    (
        "ru",
        "Москва, 14 мая 2024. Видео публикует «Медиазона».",
        [("published", "Медиазона", None)],
    ),
    (
        "ru",
        "Москва, 14 мая 2024. Кадры с места событий распространяют местные телеграм-каналы.",
        [("posted", "телеграм-каналы", "telegram")],
    ),
    (
        "en",
        "Kyiv, May 14, 2024. A tank was destroyed near Chasiv Yar, according to footage posted by the Russian Defence Ministry.",
        [("released", "Russian Defence Ministry", None)],
    ),
    (
        "en",
        "Kyiv, May 14, 2024. The video, shared by Ukrainian officials, shows a bridge collapsing.",
        [("posted", "Ukrainian officials", None)],
    ),
    (
        "de",
        "Berlin, 14. Mai 2024. Das Video wurde vom ukrainischen Verteidigungsministerium auf X veröffentlicht.",
        [("released", "Verteidigungsministerium", "twitter")],
    ),
    (
        "de",
        "Berlin, 14. Mai 2024. Wie die BBC berichtet, wurde das Video von einem Anwohner aufgenommen.",
        [("filmed", "Anwohner", None)],
    ),
    (
        "nl",
        "Amsterdam, 14 mei 2024. De video verscheen eerst op het Telegramkanaal van de Wagnergroep.",
        [("posted", "Wagnergroep", "telegram")],
    ),
    (
        "fr",
        "Paris, 14 mai 2024. Selon les images diffusées par l'état-major ukrainien, le pont a été détruit.",
        [("released", "état-major ukrainien", None)],
    ),
    (
        "fr",
        "Paris, 14 mai 2024. La vidéo, tournée par un habitant, a ensuite circulé sur les réseaux sociaux.",
        [("filmed", "habitant", None), ("posted", None, "social_media")],
    ),
    (
        "es",
        "Madrid, 14 de mayo de 2024. Según muestran las imágenes difundidas por el Ministerio de Defensa, el puente quedó destruido.",
        [("released", "Ministerio de Defensa", None)],
    ),
    (
        "es",
        "Madrid, 14 de mayo de 2024. El vídeo fue grabado por un testigo y compartido en redes sociales.",
        [("filmed", "testigo", None), ("posted", None, "social_media")],
    ),
    # Written on 2026-12-04 at 20:05, fact checks as they tell a video's origin, before any
    # rule for them.
    (
        "en",
        "Kyiv, May 16, 2024. A reverse image search shows the video was first posted on YouTube in 2015 by a user called Andrei K.",
        [("posted", "Andrei K", "youtube")],
    ),
    (
        "en",
        "Kyiv, May 16, 2024. The original video was published by the Ukrainian army in March 2022.",
        [("released", "Ukrainian army", None)],
    ),
    (
        "en",
        "Kyiv, May 16, 2024. The claim was debunked by the fact-checking site StopFake, which traced the clip to a 2019 exercise.",
        [("verified", "StopFake", None)],
    ),
    (
        "fr",
        "Paris, 16 mai 2024. La vidéo a en réalité été publiée pour la première fois sur YouTube en 2015 par un internaute russe.",
        [("posted", "internaute russe", "youtube")],
    ),
    (
        "fr",
        "Paris, 16 mai 2024. Une recherche inversée menée par l'AFP montre que la séquence date de 2019.",
        [("verified", "AFP", None)],
    ),
    (
        "de",
        "Berlin, 16. Mai 2024. Eine Rückwärtssuche zeigt, dass das Video bereits 2015 auf YouTube hochgeladen wurde.",
        [("posted", None, "youtube")],
    ),
    (
        "de",
        "Berlin, 16. Mai 2024. Das Originalvideo hatte die ukrainische Armee im März 2022 veröffentlicht.",
        [("released", "ukrainische Armee", None)],
    ),
    (
        "nl",
        "Amsterdam, 16 mei 2024. De video werd in 2015 al op YouTube gezet door een Russische gebruiker.",
        [("posted", "Russische gebruiker", "youtube")],
    ),
    (
        "nl",
        "Amsterdam, 16 mei 2024. Nieuwscheckers ontdekte dat de beelden uit 2019 stammen.",
        [("verified", "Nieuwscheckers", None)],
    ),
    (
        "es",
        "Madrid, 16 de mayo de 2024. El vídeo original fue publicado en YouTube en 2015 por un usuario ruso.",
        [("posted", "usuario ruso", "youtube")],
    ),
    (
        "es",
        "Madrid, 16 de mayo de 2024. Maldita.es ha comprobado que las imágenes son de un simulacro de 2019.",
        [("verified", "Maldita", None)],
    ),
    (
        "uk",
        "Київ, 16 травня 2024. Оригінальне відео ще у 2015 році виклав на YouTube російський користувач.",
        [("posted", "користувач", "youtube")],
    ),
    (
        "ru",
        "Москва, 16 мая 2024. Оригинальное видео еще в 2015 году выложил на YouTube пользователь из России.",
        [("posted", "пользователь", "youtube")],
    ),
    # 2026-12-04 at 21:10: twelve longer reports, with paragraphs, related-story lines and
    # quotes between the hops, written and scored before any rule for them.
    (
        "fr",
        "Kiev, 3 juin 2024.\n\nDes images diffusées lundi sur les réseaux sociaux montrent un char russe touché par un drone près de Pokrovsk.\n\nLa vidéo, d'une durée de quarante secondes, a été publiée par la 47e brigade mécanisée sur sa chaîne Telegram. Elle a ensuite été reprise par plusieurs médias ukrainiens.\n\nL'AFP a pu géolocaliser la scène à l'est du village de Novohrodivka.\n\nLire aussi : Guerre en Ukraine, ce que l'on sait de l'offensive russe",
        [("released", "47e brigade mécanisée", "telegram"), ("verified", "AFP", None)],
    ),
    (
        "fr",
        "Paris, 4 juin 2024. Une vidéo tournée par un habitant de Kharkiv montre l'impact d'un missile sur un immeuble. Elle a été transmise à l'agence Reuters, qui l'a authentifiée. « Nous avons entendu deux explosions », raconte l'auteur des images, qui souhaite rester anonyme.",
        [
            ("filmed", "habitant", None),
            ("distributed", "Reuters", None),
            ("verified", "Reuters", None),
        ],
    ),
    (
        "fr",
        "Bruxelles, 5 juin 2024. Selon nos vérifications, la séquence qui circule sur X depuis mardi n'a pas été filmée à Gaza. Elle avait été mise en ligne sur YouTube dès 2015 par un internaute syrien. Les Observateurs de France 24 ont retrouvé la vidéo originale.",
        [
            ("posted", "internaute syrien", "youtube"),
            ("verified", "Observateurs de France 24", None),
            ("posted", None, "twitter"),
        ],
    ),
    (
        "en",
        "Kyiv, June 3, 2024.\n\nUkraine's Security Service (SBU) has released footage it says shows a sea drone attack on a Russian patrol ship in the Black Sea.\n\nThe video, shared on the agency's Telegram channel on Sunday, shows the drone approaching the vessel at speed before the screen goes dark.\n\nRelated: Russia says it repelled drone attack on Crimea\n\nRussian officials did not comment on the footage. CNN could not independently verify the video.",
        [("released", "Security Service", "telegram")],
    ),
    (
        "en",
        "London, 5 June 2024. A video that has been viewed millions of times on TikTok appears to show a Russian soldier surrendering to a Ukrainian drone. The clip was first posted by the Telegram channel Exilenova+ on Saturday, according to an analysis by the BBC. BBC Verify matched the trees and a damaged building in the footage to satellite images of a village near Avdiivka.",
        [("posted", "Exilenova+", "telegram"), ("verified", "BBC Verify", None)],
    ),
    (
        "en",
        "Washington, June 6, 2024. Newly released body camera video shows officers pulling a man from a burning car. The Phoenix Police Department made the footage public on Wednesday after a request from local media. The video was recorded by the first officer to arrive at the scene, a spokesperson said.",
        [("released", "Phoenix Police Department", None), ("filmed", "officer", None)],
    ),
    (
        "nl",
        "Den Haag, 4 juni 2024. Op beelden die dinsdag op sociale media verschenen, is te zien hoe een Russische raket een winkelcentrum in Charkiv raakt. De video werd gefilmd door een bewakingscamera aan de overkant van de straat. Het Oekraïense ministerie van Binnenlandse Zaken deelde de beelden later op Telegram. Onderzoekers van Bellingcat hebben de locatie bevestigd.",
        [
            ("posted", "ministerie van Binnenlandse Zaken", "telegram"),
            ("verified", "Bellingcat", None),
        ],
    ),
    (
        "nl",
        "Amsterdam, 5 juni 2024. Een filmpje van een Oekraïense soldaat, die met zijn helmcamera een aanval op een loopgraaf vastlegde, gaat rond op TikTok. Het filmpje werd eerder gedeeld door het Oekraïense leger. NOS Nieuws kon niet vaststellen waar de beelden precies zijn gemaakt.",
        [("filmed", "Oekraïense soldaat", None)],
    ),
    (
        "de",
        "Berlin, 4. Juni 2024. Ein Video, das seit Montag in sozialen Netzwerken kursiert, soll einen Angriff auf eine Raffinerie in Russland zeigen. Veröffentlicht wurde die Aufnahme zuerst von dem ukrainischen Telegram-Kanal Exilenova+. Die Deutsche Presse-Agentur konnte das Video nicht unabhängig überprüfen. Nach Angaben des ukrainischen Geheimdienstes HUR steckt eine Drohne hinter dem Angriff.",
        [("posted", "Exilenova+", "telegram")],
    ),
    (
        "de",
        "Wien, 5. Juni 2024. Aufnahmen einer Überwachungskamera zeigen, wie eine Rakete in ein Wohnhaus in Odessa einschlägt. Das Video wurde vom Bürgermeister der Stadt auf Facebook geteilt. Die Faktenchecker von Correctiv haben die Aufnahmen überprüft und bestätigt, dass sie aktuell sind.",
        [("posted", "Bürgermeister", "facebook"), ("verified", "Correctiv", None)],
    ),
    (
        "es",
        "Madrid, 4 de junio de 2024. Un vídeo grabado por un vecino muestra el momento en que un dron impacta contra un edificio en Járkov. Las imágenes fueron difundidas por el servicio de emergencias de Ucrania en su cuenta de Telegram. La agencia EFE ha verificado la grabación.",
        [
            ("filmed", "vecino", None),
            ("posted", "servicio de emergencias", "telegram"),
            ("verified", "EFE", None),
        ],
    ),
    (
        "ru",
        "Москва, 4 июня 2024 года. В Сети появилось видео, на котором видно, как беспилотник атакует нефтебазу. Запись опубликовал телеграм-канал Baza. По данным канала, видео снял местный житель.",
        [("posted", "Baza", "telegram"), ("filmed", "местный житель", None)],
    ),
    # 2026-12-04 at 21:20: twelve reports in news-wire styles (captions, live-blog entries,
    # quotes of posts), written and scored before any rule for them.
    (
        "en",
        "Kyiv, June 3, 2024.\n\nLive updates: Russia's war in Ukraine\n\n10:42 a.m. ET — Video shows aftermath of strike on Dnipro apartment block\n\nFootage posted to Telegram by Dnipro's mayor shows rescuers pulling residents from the rubble. The mayor said at least six people were injured.\n\nCNN has not independently verified the video.",
        [("posted", "mayor", "telegram")],
    ),
    (
        "en",
        "London, 4 June 2024. Video obtained by the BBC shows Russian soldiers loading crates onto a lorry near Kherson. The footage was sent to the BBC by a Ukrainian partisan group, which said it had filmed the scene from a nearby building.\n\n(Screengrab: BBC)",
        [
            ("published", "BBC", None),
            ("released", "partisan group", None),
            ("filmed", "partisan group", None),
        ],
    ),
    (
        "en",
        "Washington, June 5, 2024. Russian state television aired footage on Tuesday that it said showed a Ukrainian drone being shot down over Belgorod. The clip was broadcast on the Rossiya 1 channel's evening news. The Russian Defence Ministry said its air defences had destroyed 12 drones overnight.",
        [("published", "Russian state television", None)],
    ),
    (
        "en",
        "Kyiv, June 6, 2024. A spokesperson for the 93rd Brigade confirmed to Reuters that the video was genuine and had been filmed by one of the brigade's drone operators last week. The video was first shared on the brigade's X account.",
        [("filmed", "drone operators", None), ("released", "93rd Brigade", "twitter")],
    ),
    (
        "en",
        "Odesa, 7 June 2024. In the video, posted on Instagram by a user called odesa_daily, smoke can be seen rising above the port. Reuters was able to confirm the location of the video from buildings and a crane visible in it.",
        [("posted", "odesa_daily", "instagram"), ("verified", "Reuters", None)],
    ),
    (
        "fr",
        "Paris, 3 juin 2024. « Les occupants ont perdu un autre char », a écrit l'état-major ukrainien dans un message publié sur Telegram, accompagné d'une vidéo montrant l'explosion d'un blindé. Les images ont été filmées par un drone de reconnaissance, selon l'armée.",
        [("released", "état-major ukrainien", "telegram")],
    ),
    (
        "fr",
        "Lyon, 5 juin 2024. Capture d'écran d'une vidéo diffusée par le ministère russe de la Défense le 4 juin. La séquence, reprise par plusieurs chaînes de télévision, montre des soldats russes dans une tranchée. Le Monde n'a pas pu vérifier l'authenticité de ces images.",
        [
            ("released", "ministère russe de la Défense", None),
            ("published", "chaînes de télévision", None),
        ],
    ),
    (
        "nl",
        "Brussel, 4 juni 2024. Beelden van het Oekraïense leger tonen hoe een drone een Russische tank raakt. De video werd dinsdag op Telegram gezet. Volgens de NOS is het de eerste keer dat zo'n aanval op beeld is vastgelegd.",
        [("released", "Oekraïense leger", "telegram")],
    ),
    (
        "nl",
        "Utrecht, 6 juni 2024. Een video die door een automobilist met zijn dashcam is opgenomen, laat zien hoe een raket vlak naast de snelweg inslaat. De man stuurde de beelden naar RTL Nieuws. De redactie heeft de locatie kunnen verifiëren.",
        [
            ("filmed", "automobilist", None),
            ("published", "RTL Nieuws", None),
            ("verified", "RTL Nieuws", None),
        ],
    ),
    (
        "de",
        "München, 5. Juni 2024. Ein Video, das der ukrainische Generalstab am Dienstag auf X veröffentlichte, zeigt einen Angriff auf eine russische Stellung. Nach Recherchen des BR wurde das Video in der Nähe von Bachmut aufgenommen.",
        [("released", "Generalstab", "twitter"), ("verified", "BR", None)],
    ),
    (
        "es",
        "Buenos Aires, 5 de junio de 2024. La cadena CNN difundió un vídeo en el que se ve a soldados rusos rindiéndose ante un dron. Según la cadena, las imágenes fueron grabadas por la 3.ª Brigada de Asalto y compartidas en su canal de Telegram.",
        [
            ("published", "CNN", None),
            ("filmed", "Brigada de Asalto", None),
            ("released", "Brigada de Asalto", "telegram"),
        ],
    ),
    (
        "uk",
        "Київ, 5 червня 2024. Відео удару по російському складу оприлюднили Сили оборони півдня. Кадри зняв безпілотник підрозділу. Геолокацію відео підтвердили аналітики DeepState.",
        [("released", "Сили оборони півдня", None), ("verified", "DeepState", None)],
    ),
    # 2026-12-04 at 21:30: twelve fact checks and wire reports in seven languages, written
    # and scored before any rule for them.
    (
        "en",
        "Kyiv, June 4, 2024. FACT CHECK: A video shared on Facebook claiming to show a Ukrainian jet shot down over Crimea is from a video game. A reverse image search by Reuters Fact Check found that the clip was first uploaded to YouTube in 2021 by a gaming channel called SimWar.",
        [
            ("posted", None, "facebook"),
            ("verified", "Reuters Fact Check", None),
            ("posted", "SimWar", "youtube"),
        ],
    ),
    (
        "en",
        "Kyiv, June 5, 2024. The earliest version of the video that Full Fact could find was posted on TikTok on 2 June by the account @kharkiv_now. Full Fact traced the location to a road east of Kharkiv using Google Street View.",
        [("posted", "@kharkiv_now", "tiktok"), ("verified", "Full Fact", None)],
    ),
    (
        "en",
        "London, 6 June 2024. Ukraine's military intelligence agency, known as HUR, published the 40-second video on its Telegram channel on Wednesday. The agency said its drones hit two radar stations in occupied Crimea. Sky News has geolocated the strike to a site near Yevpatoria.",
        [("released", "HUR", "telegram"), ("verified", "Sky News", None)],
    ),
    (
        "fr",
        "Paris, 5 juin 2024. Non, cette vidéo ne montre pas un bombardement récent à Gaza. Les images, partagées des milliers de fois sur Facebook, ont été tournées en Syrie en 2016, comme l'a établi l'équipe de vérification de l'AFP.",
        [("posted", None, "facebook"), ("verified", "AFP", None)],
    ),
    (
        "fr",
        "Genève, 6 juin 2024. Dans une vidéo publiée jeudi sur son compte X, le ministère ukrainien de la Défense montre un drone naval frappant un navire russe. L'armée russe n'a pas réagi.",
        [("released", "ministère ukrainien de la Défense", "twitter")],
    ),
    (
        "nl",
        "Hilversum, 5 juni 2024. Een video die op X rondgaat zou een Russische aanval op Kyiv laten zien. Volgens factcheckers van Nieuwscheckers gaat het om beelden uit 2022. De oorspronkelijke video werd destijds op YouTube gezet door een Oekraïense vlogger.",
        [("verified", "Nieuwscheckers", None), ("posted", "vlogger", "youtube")],
    ),
    (
        "de",
        "Hamburg, 5. Juni 2024. Das Video, das am Dienstag vielfach auf TikTok geteilt wurde, stammt nicht aus Israel. Wie der Faktencheck der dpa zeigt, wurde es bereits 2019 in Brasilien aufgenommen und damals von einem lokalen Nachrichtensender ausgestrahlt.",
        [
            ("posted", None, "tiktok"),
            ("verified", "dpa", None),
            ("published", "Nachrichtensender", None),
        ],
    ),
    (
        "es",
        "Madrid, 5 de junio de 2024. Circula en redes sociales un vídeo que supuestamente muestra un ataque ruso contra Odesa. Newtral ha comprobado que las imágenes fueron publicadas por primera vez en Telegram por el canal ucraniano Odesa Online.",
        [("verified", "Newtral", None), ("posted", "Odesa Online", "telegram")],
    ),
    (
        "uk",
        "Київ, 5 червня 2024. Відео, яке поширюють у соцмережах, не має стосунку до подій в Україні. Фахівці StopFake з'ясували, що ролик зняли у 2015 році в Сирії. Вперше його опублікував на YouTube сирійський активіст.",
        [("verified", "StopFake", None), ("posted", "активіст", "youtube")],
    ),
    (
        "ru",
        "Рига, 5 июня 2024 года. Видео атаки дронов на аэродром в Курской области опубликовал телеграм-канал «Астра». По данным канала, запись сделал местный житель. Министерство обороны России сообщило, что все беспилотники были сбиты.",
        [("posted", "Астра", "telegram"), ("filmed", "местный житель", None)],
    ),
    (
        "ru",
        "Москва, 6 июня 2024 года. Кадры, на которых видно, как российский танк подрывается на мине, распространили украинские телеграм-каналы. Видео снято с беспилотника, сообщает издание «Медиазона», которое проверило запись.",
        [("posted", "телеграм-каналы", "telegram"), ("verified", "Медиазона", None)],
    ),
    (
        "en",
        "Kyiv, June 7, 2024. Two videos released by the State Emergency Service show firefighters battling a blaze at a Kyiv warehouse. In the first video, filmed from a drone, flames rise from the roof. The second video, recorded by a firefighter's helmet camera, shows the inside of the building.",
        [("released", "State Emergency Service", None), ("filmed", "firefighter", None)],
    ),
    # 2026-12-04 at 21:55: twelve reports in English magazine and fact-check styles,
    # written and scored before any rule for them.
    (
        "en",
        "Kyiv, June 4, 2024. In a video shared to X, formerly Twitter, by Ukraine's Ministry of Defense on Monday, a drone can be seen hitting a Russian tank. Newsweek has not independently verified the footage and has reached out to the Russian Defense Ministry for comment.",
        [("released", "Ministry of Defense", "twitter")],
    ),
    (
        "en",
        "London, June 5, 2024. The clip appears to have been filmed by a drone operated by the 47th Brigade, according to a caption accompanying the video on Telegram. It was later reposted by the pro-Ukrainian account Special Kherson Cat.",
        [("filmed", "47th Brigade", None), ("posted", "Special Kherson Cat", None)],
    ),
    (
        "en",
        "London, June 6, 2024. A Sky News analysis of the footage found that it was filmed near the village of Robotyne. Bellingcat researchers matched the tree line in the video to satellite imagery.",
        [("verified", "Sky News", None), ("verified", "Bellingcat", None)],
    ),
    (
        "en",
        "London, June 6, 2024. The Guardian has viewed more than 20 videos filmed by the fighters themselves. The videos were verified by the Centre for Information Resilience, a non-profit research group.",
        [("filmed", "fighters", None), ("verified", "Centre for Information Resilience", None)],
    ),
    (
        "en",
        "Kyiv, June 7, 2024. Russian military bloggers disputed the footage, saying it showed an old strike. The Telegram channel Rybar, which has more than a million subscribers, claimed the video had been filmed in 2023.",
        [("verified", "Russian military bloggers", None), ("verified", "Rybar", None)],
    ),
    (
        "en",
        "Kyiv, June 7, 2024. OSINT analysts geolocated the video to a road outside Pokrovsk. The footage was first posted on Telegram on Friday, and later shared on X by the account @wartranslated.",
        [
            ("verified", "OSINT analysts", None),
            ("posted", None, "telegram"),
            ("posted", "@wartranslated", "twitter"),
        ],
    ),
    (
        "en",
        "Kyiv, June 8, 2024. Ukrainska Pravda published the video, which it said it had obtained from a source in the Security Service. The SBU did not respond to a request for comment.",
        [("published", "Ukrainska Pravda", None), ("released", "Security Service", None)],
    ),
    (
        "en",
        "Kyiv, June 8, 2024. The video was posted by a Russian soldier on his VKontakte page before being deleted. A copy was saved and shared by the investigative group InformNapalm.",
        [("posted", "Russian soldier", "vk"), ("posted", "InformNapalm", None)],
    ),
    (
        "en",
        "Washington, June 9, 2024. The Pentagon released declassified footage on Thursday showing a Russian jet intercepting a US drone over the Black Sea. The 42-second video was captured by the drone's own camera, the Pentagon said.",
        [("released", "Pentagon", None)],
    ),
    (
        "en",
        "Kyiv, June 9, 2024. Footage circulating on Russian Telegram channels purportedly shows the aftermath of a missile strike in Donetsk. The video could not be independently verified. Local officials installed by Russia blamed Ukrainian forces.",
        [("posted", "Russian Telegram channels", "telegram")],
    ),
    (
        "en",
        "Kyiv, June 10, 2024. A TikTok user who goes by the name frontline_mike posted the video on Saturday. By Monday it had been viewed more than three million times and shared by several pro-Russian accounts.",
        [("posted", "frontline_mike", "tiktok")],
    ),
    (
        "en",
        "London, June 10, 2024. The footage, which the BBC has verified, was sent to the broadcaster by a resident of Kherson who asked not to be named.",
        [("verified", "BBC", None), ("posted", "resident", None)],
    ),
    # 2026-12-04 at 22:00: ten reports in French, Dutch and German newsroom styles,
    # written and scored before any rule for them.
    (
        "fr",
        "Paris, 5 juin 2024. Sur des images relayées mardi par plusieurs comptes prorusses sur Telegram, on voit un hélicoptère s'écraser près de Koursk. Selon Les Observateurs de France 24, qui ont géolocalisé la séquence, l'appareil est bien russe.",
        [
            ("posted", "comptes prorusses", "telegram"),
            ("verified", "Observateurs de France 24", None),
        ],
    ),
    (
        "fr",
        "Bordeaux, 5 juin 2024. La vidéo a été tournée par un soldat ukrainien avec son téléphone, puis transmise à l'AFP par son unité. L'agence a pu en confirmer l'authenticité.",
        [
            ("filmed", "soldat ukrainien", None),
            ("released", "unité", None),
            ("distributed", "AFP", None),
            ("verified", "AFP", None),
        ],
    ),
    (
        "fr",
        "Lille, 6 juin 2024. Mise en ligne dimanche sur YouTube par un internaute russe, la vidéo a été supprimée quelques heures plus tard. Une copie circule toujours sur X.",
        [("posted", "internaute russe", "youtube")],
    ),
    (
        "fr",
        "Nantes, 6 juin 2024. D'après la chaîne publique ukrainienne Suspilne, qui a diffusé les images, la frappe a touché un entrepôt de céréales. Les secouristes ont publié d'autres images sur leur page Facebook.",
        [("published", "Suspilne", None)],
    ),
    (
        "nl",
        "Den Haag, 5 juni 2024. De beelden zijn gemaakt door een Oekraïense drone en later door het Oekraïense ministerie van Defensie op X geplaatst. Bellingcat heeft de locatie geverifieerd.",
        [("released", "ministerie van Defensie", "twitter"), ("verified", "Bellingcat", None)],
    ),
    (
        "nl",
        "Rotterdam, 6 juni 2024. Op sociale media circuleert een video waarop te zien is hoe een Russisch oorlogsschip wordt geraakt. De video is afkomstig van het Telegram-kanaal van de Oekraïense marine. De NOS kon de beelden niet onafhankelijk verifiëren.",
        [("released", "Oekraïense marine", "telegram")],
    ),
    (
        "nl",
        "Antwerpen, 6 juni 2024. Het Russische leger verspreidde dinsdag beelden van wat het een aanval op een Oekraïense luchtmachtbasis noemt. Volgens de Belgische krant De Standaard, die de video analyseerde, gaat het om oude beelden.",
        [("released", "Russische leger", None), ("verified", "De Standaard", None)],
    ),
    (
        "de",
        "Köln, 5. Juni 2024. Auf einem Video, das der ukrainische Grenzschutz auf Telegram veröffentlicht hat, ist ein brennendes Boot zu sehen. Der Spiegel hat den Ort des Angriffs anhand von Satellitenbildern überprüft.",
        [("released", "Grenzschutz", "telegram"), ("verified", "Spiegel", None)],
    ),
    (
        "de",
        "Leipzig, 6. Juni 2024. Gefilmt hat die Szene ein Anwohner von seinem Balkon aus. Er schickte das Video an die Lokalzeitung, die es auf ihrer Website veröffentlichte.",
        [("filmed", "Anwohner", None), ("published", "Lokalzeitung", None)],
    ),
    (
        "de",
        "Bern, 6. Juni 2024. Ein Video, das in russischen Telegram-Kanälen geteilt wird, zeigt angeblich den Abschuss eines Kampfjets. Faktenchecker der Deutschen Welle fanden heraus, dass die Aufnahmen aus einem Computerspiel stammen.",
        [("posted", "Telegram-Kanälen", "telegram"), ("verified", "Deutschen Welle", None)],
    ),
    # 2026-12-04 at 22:10: nine reports in Ukrainian, Russian and Spanish newsroom styles,
    # written and scored before any rule for them.
    (
        "uk",
        "Київ, 5 червня 2024. Відео знищення російського танка оприлюднила 3-я окрема штурмова бригада у своєму телеграм-каналі. Кадри зняли оператори дронів бригади. Журналісти «Суспільного» встановили, що удар завдано поблизу Очеретиного.",
        [
            ("released", "3-я окрема штурмова бригада", "telegram"),
            ("filmed", "оператори дронів", None),
            ("verified", "Суспільного", None),
        ],
    ),
    (
        "uk",
        "Харків, 6 червня 2024. У мережі поширюють відео, на якому нібито видно збитий російський літак. Фактчекери VoxCheck з'ясували, що ролик змонтовано з кадрів комп'ютерної гри.",
        [("posted", None, "social_media"), ("verified", "VoxCheck", None)],
    ),
    (
        "uk",
        "Одеса, 6 червня 2024. Момент влучання ракети у порт зафіксувала камера відеоспостереження. Запис передали журналістам у міській раді.",
        [("released", "міській раді", None)],
    ),
    (
        "ru",
        "Москва, 5 июня 2024 года. Кадры пожара на нефтебазе в Белгородской области опубликовал губернатор Вячеслав Гладков в своем телеграм-канале. По его словам, видео снял один из сотрудников предприятия.",
        [("posted", "Вячеслав Гладков", "telegram"), ("filmed", "сотрудников предприятия", None)],
    ),
    (
        "ru",
        "Рига, 6 июня 2024 года. Издание «Важные истории» проверило видео, на котором российские военные обстреливают гражданский автомобиль. По данным журналистов, запись была сделана в марте 2022 года под Киевом и впервые появилась в телеграм-канале «Военный осведомитель».",
        [("verified", "Важные истории", None), ("posted", "Военный осведомитель", "telegram")],
    ),
    (
        "ru",
        "Москва, 6 июня 2024 года. Министерство обороны России распространило видео, на котором, по утверждению ведомства, уничтожается американский танк Abrams. Ролик снят с беспилотника.",
        [("released", "Министерство обороны России", None)],
    ),
    (
        "es",
        "Bogotá, 5 de junio de 2024. El Ejército ucraniano publicó en su cuenta de X un vídeo en el que se observa la destrucción de un puente. Según el diario El País, que analizó las imágenes, el puente estaba en la región de Járkov.",
        [("released", "Ejército ucraniano", "twitter"), ("verified", "El País", None)],
    ),
    (
        "es",
        "Ciudad de México, 6 de junio de 2024. Las imágenes, grabadas por un periodista local y difundidas por la agencia Reuters, muestran a civiles huyendo de los bombardeos. Maldita.es comprobó que el vídeo es reciente.",
        [
            ("filmed", "periodista local", None),
            ("distributed", "Reuters", None),
            ("verified", "Maldita.es", None),
        ],
    ),
    (
        "es",
        "Lima, 6 de junio de 2024. Un usuario de TikTok compartió un vídeo que, según él, muestra un ataque ruso en Odesa. Los verificadores de EFE Verifica encontraron el vídeo original en YouTube, publicado en 2019 por un canal de aviación.",
        [
            ("posted", "usuario de TikTok", "tiktok"),
            ("verified", "EFE Verifica", None),
            ("posted", "canal de aviación", "youtube"),
        ],
    ),
    # 2026-12-04 at 22:25: six long reports whose hops come paragraphs after the footage,
    # written and scored before any rule for them.
    (
        "en",
        "Kyiv, June 4, 2024.\n\nUkrainian forces have struck a Russian command post near Tokmak, officials said on Tuesday.\n\nA video of the strike shows a plume of smoke rising over a row of houses.\n\nThe Zaporizhzhia regional governor said three Russian officers were killed. Russia has not commented.\n\nThe footage was first posted on Telegram by the 65th Mechanised Brigade, which said its artillery had carried out the strike.\n\nThe Institute for the Study of War said the strike was part of a wider campaign against Russian logistics.",
        [("released", "65th Mechanised Brigade", "telegram")],
    ),
    (
        "en",
        "London, 5 June 2024.\n\nMoscow says its air defences shot down 14 drones over the Belgorod region overnight.\n\nFootage shared widely on social media appeared to show a fire at an oil depot in the city.\n\nRegional governor Vyacheslav Gladkov said nobody was hurt.\n\nThe BBC has verified that the video was filmed in Belgorod, matching the depot's tanks to satellite images.",
        [("posted", None, "social_media"), ("verified", "BBC", None)],
    ),
    (
        "en",
        "Washington, June 6, 2024.\n\nThe Pentagon has released video of what it says is a Russian fighter jet dumping fuel on a US surveillance drone.\n\nUS officials said the incident happened over the Black Sea on Tuesday.\n\n\"This is an unsafe and unprofessional act,\" a defence official said.\n\nThe 42-second clip, recorded by the drone's camera, was published on the Pentagon's website.",
        [("released", "Pentagon", None)],
    ),
    (
        "nl",
        "Amsterdam, 5 juni 2024.\n\nOekraïne heeft opnieuw een Russisch oorlogsschip getroffen, meldt de Oekraïense marine.\n\nOp beelden is te zien hoe een marinedrone het schip nadert.\n\nDe marine zegt dat het schip zwaar beschadigd is. Rusland heeft nog niet gereageerd.\n\nDe video werd dinsdagavond gedeeld op het Telegram-kanaal van de militaire inlichtingendienst HUR.",
        [("released", "HUR", "telegram")],
    ),
    (
        "de",
        "Berlin, 5. Juni 2024.\n\nBei einem russischen Raketenangriff auf Charkiw sind nach Behördenangaben mindestens vier Menschen getötet worden.\n\nEin Video zeigt, wie Rettungskräfte Verletzte aus einem brennenden Gebäude tragen.\n\nBürgermeister Ihor Terechow sprach von einem gezielten Angriff auf Zivilisten.\n\nVeröffentlicht wurde das Video vom ukrainischen Katastrophenschutz auf Telegram.",
        [("posted", "Katastrophenschutz", "telegram")],
    ),
    (
        "fr",
        "Paris, 5 juin 2024.\n\nL'armée ukrainienne affirme avoir détruit un système de défense aérienne russe en Crimée.\n\nUne vidéo montre une série d'explosions sur un site près d'Eupatoria.\n\nSelon Kiev, l'attaque a été menée avec des missiles occidentaux. Moscou n'a pas confirmé.\n\nLes images ont été diffusées sur Telegram par le renseignement militaire ukrainien, et géolocalisées par le collectif Bellingcat.",
        [
            ("released", "renseignement militaire ukrainien", "telegram"),
            ("verified", "Bellingcat", None),
        ],
    ),
    # 2026-12-04 at 22:30: eight credit lines and captions in seven languages, written and
    # scored before any rule for them.
    (
        "en",
        "Kyiv, June 5, 2024. A drone video shows a Russian landing craft burning in Sevastopol bay.\n\nVideo: Ukrainian Navy/Telegram",
        [("released", "Ukrainian Navy", "telegram")],
    ),
    (
        "en",
        "Kyiv, June 5, 2024. The video shows rescuers at the scene of the strike. (Video courtesy of the State Emergency Service)",
        [("released", "State Emergency Service", None)],
    ),
    (
        "nl",
        "Kyiv, 5 juni 2024. Beelden tonen een brandende opslagplaats in Odesa.\n\nBron: Oekraïense luchtmacht / Telegram",
        [("released", "Oekraïense luchtmacht", "telegram")],
    ),
    (
        "de",
        "Kiew, 5. Juni 2024. Das Video zeigt die Zerstörung einer Brücke bei Cherson.\n\nQuelle: Telegram/@operativnoZSU",
        [("posted", "@operativnoZSU", "telegram")],
    ),
    (
        "fr",
        "Kiev, 5 juin 2024. La vidéo montre un blindé russe touché par un drone. Capture d'écran d'une vidéo publiée par la 47e brigade sur Telegram.",
        [("released", "47e brigade", "telegram")],
    ),
    (
        "es",
        "Kiev, 5 de junio de 2024. El vídeo muestra un tanque ruso en llamas. (Vídeo: Fuerzas Armadas de Ucrania)",
        [("released", "Fuerzas Armadas de Ucrania", None)],
    ),
    (
        "ru",
        "Москва, 5 июня 2024 года. На видео видно, как горит склад боеприпасов.\n\nКадр из видео: Telegram-канал «Рыбарь»",
        [("posted", "Рыбарь", "telegram")],
    ),
    (
        "uk",
        "Київ, 5 червня 2024. Відео показує знищення російської гармати.\n\nСкриншот відео: Генштаб ЗСУ",
        [("released", "Генштаб ЗСУ", None)],
    ),
    # 2026-12-04 at 22:50: eight reports in English wire and broadcaster styles, written and
    # scored before any rule for them.
    (
        "en",
        "Kyiv, June 11, 2024 (Reuters) - Ukraine's military released footage on Tuesday of what it said was a strike on a Russian S-400 launcher in Crimea. Reuters was able to confirm the location from the coastline and buildings visible in the video, but could not verify when it was filmed.",
        [("released", "Ukraine's military", None), ("verified", "Reuters", None)],
    ),
    (
        "en",
        "London, 11 June 2024. The video, which was passed to ITV News by a source in Gaza, shows the moment a shell hits a school. ITV News has verified the location of the footage.",
        [("published", "ITV News", None), ("verified", "ITV News", None)],
    ),
    (
        "en",
        "Washington, June 12, 2024. The clip, first aired by the Qatari broadcaster Al Jazeera, shows fighters firing at an Israeli tank. Al Jazeera said it received the video from the group's media wing.",
        [("published", "Al Jazeera", None), ("released", "media wing", None)],
    ),
    (
        "en",
        "Kyiv, June 12, 2024. Drone footage posted online by Ukrainian soldiers appears to show a Russian column being ambushed near Krynky. The soldiers belong to the 38th Marine Brigade, according to the channel that first shared the clip.",
        [("posted", "Ukrainian soldiers", None)],
    ),
    (
        "en",
        "Kyiv, June 13, 2024. A graphic video circulating on pro-Russian Telegram channels shows what appears to be the execution of a Ukrainian prisoner. Ukraine's prosecutor general said investigators were examining the footage.",
        [("posted", "pro-Russian Telegram channels", "telegram")],
    ),
    (
        "en",
        "London, June 13, 2024. Footage verified by Sky News shows a Russian jet crashing into a field near Yeysk. The video was filmed by a motorist and later shared on Telegram by the regional authorities.",
        [
            ("verified", "Sky News", None),
            ("filmed", "motorist", None),
            ("posted", "regional authorities", "telegram"),
        ],
    ),
    (
        "en",
        "Kyiv, June 14, 2024. The footage was released by Ukraine's Defence Intelligence (HUR) and shared on X by the agency's official account.",
        [("released", "Defence Intelligence", "twitter")],
    ),
    (
        "en",
        "Kyiv, June 14, 2024. A video published by the Russian Defence Ministry's Zvezda TV channel shows soldiers raising a flag over the village. Independent analysts said the video had been staged.",
        [("published", "Zvezda", None), ("verified", "Independent analysts", None)],
    ),
]

# Reports of our own and how many pieces of footage a careful reader finds in each.
MENTION_CASES = [
    (
        "en",
        "Kyiv, May 2, 2024. A video posted on Telegram shows a drone striking a tank near Bakhmut. The clip was later shared by the 93rd Brigade. It has been viewed more than a million times.",
        1,
    ),
    (
        "en",
        "Kyiv, May 2, 2024. One video shows a helicopter firing rockets, while another captures the aftermath of the strike in the village.",
        2,
    ),
    (
        "en",
        "Kyiv, May 2, 2024. The first video shows a column of trucks. A second video, filmed at night, shows explosions at the depot.",
        2,
    ),
    (
        "en",
        "Kyiv, May 2, 2024. Drone footage released by the army shows the bridge collapsing. Residents said the explosion woke them at dawn. The footage was geolocated by analysts to the northern bank.",
        1,
    ),
    (
        "nl",
        "Amsterdam, 2 mei 2024. Op beelden die op Telegram rondgaan, is te zien hoe een drone een tank raakt. Het filmpje werd later gedeeld door het leger. Ook een tweede video toont de aanval.",
        2,
    ),
    (
        "de",
        "Berlin, 2. Mai 2024. Ein Video zeigt einen Drohnenangriff auf einen Panzer. Die Aufnahmen wurden von der Armee veröffentlicht. Ein weiteres Video zeigt brennende Fahrzeuge.",
        2,
    ),
    (
        "fr",
        "Paris, 2 mai 2024. Une vidéo montre un drone frappant un char. Les images ont été publiées par l'armée. Une autre vidéo montre des véhicules en feu.",
        2,
    ),
    (
        "es",
        "Madrid, 2 de mayo de 2024. Un vídeo muestra un dron atacando un tanque. Las imágenes fueron publicadas por el ejército. Otro vídeo muestra vehículos en llamas.",
        2,
    ),
    (
        "uk",
        "Київ, 2 травня 2024. На відео видно, як дрон уражає танк. Кадри оприлюднила бригада. Ще одне відео показує палаючі автомобілі.",
        2,
    ),
    (
        "ru",
        "Москва, 2 мая 2024. На видео видно, как дрон поражает танк. Кадры опубликовала бригада. Еще одно видео показывает горящие машины.",
        2,
    ),
    (
        "en",
        "Kyiv, May 2, 2024. President Zelensky said in a video address that the attack would not go unanswered.",
        0,
    ),
    (
        "en",
        "Kyiv, May 2, 2024. The ministry published photos of the damaged building on its website.",
        0,
    ),
    (
        "en",
        "Kyiv, May 2, 2024. A resident filmed the moment the missile hit the apartment block.",
        1,
    ),
    ("en", "Kyiv, May 2, 2024. A livestream from the port showed the ship burning for hours.", 1),
    (
        "en",
        "Kyiv, May 2, 2024. Surveillance camera recordings show the car stopping at the checkpoint.",
        1,
    ),
    (
        "en",
        "Kyiv, May 2, 2024. Bodycam footage released on Friday shows officers entering the house.",
        1,
    ),
    ("en", "Kyiv, May 2, 2024. The recording, which lasts 40 seconds, shows a column of tanks.", 1),
    ("nl", "Amsterdam, 2 mei 2024. Een bewoner filmde het moment waarop de raket insloeg.", 1),
    (
        "nl",
        "Amsterdam, 2 mei 2024. Op camerabeelden is te zien hoe de auto bij de controlepost stopt.",
        1,
    ),
    ("de", "Berlin, 2. Mai 2024. Ein Anwohner filmte den Moment, in dem die Rakete einschlug.", 1),
    (
        "de",
        "Berlin, 2. Mai 2024. Überwachungskameras zeichneten auf, wie das Auto am Kontrollpunkt hielt.",
        1,
    ),
    ("de", "Berlin, 2. Mai 2024. Ein Clip in den sozialen Netzwerken zeigt brennende Panzer.", 1),
    (
        "fr",
        "Paris, 2 mai 2024. Un habitant a filmé le moment où le missile a frappé l'immeuble.",
        1,
    ),
    (
        "fr",
        "Paris, 2 mai 2024. Des images de vidéosurveillance montrent la voiture s'arrêter au poste de contrôle.",
        1,
    ),
    (
        "es",
        "Madrid, 2 de mayo de 2024. Un vecino grabó el momento en que el misil impactó contra el edificio.",
        1,
    ),
    (
        "es",
        "Madrid, 2 de mayo de 2024. Las grabaciones de las cámaras de seguridad muestran el coche deteniéndose.",
        1,
    ),
    ("uk", "Київ, 2 травня 2024. Місцевий мешканець зняв момент влучання ракети в будинок.", 1),
    (
        "uk",
        "Київ, 2 травня 2024. Запис з камер спостереження показує, як автомобіль зупиняється.",
        1,
    ),
    ("ru", "Москва, 2 мая 2024. Местный житель снял момент попадания ракеты в дом.", 1),
    (
        "ru",
        "Москва, 2 мая 2024. Запись с камер наблюдения показывает, как машина останавливается.",
        1,
    ),
    ("ru", "Москва, 2 мая 2024. Ролик набрал миллион просмотров в Telegram.", 1),
    (
        "en",
        "Kyiv, May 2, 2024. The ministry said the strike destroyed two tanks, citing intelligence reports.",
        0,
    ),
    ("de", "Berlin, 2. Mai 2024. Fotos zeigen das zerstörte Gebäude.", 0),
    # Written on 2026-12-03 at 19:25, before any rule for them.
    (
        "en",
        "Kyiv, May 8, 2024. Two videos emerged on Monday. The first shows a drone hitting a radar station. The second shows the same site burning at night.",
        2,
    ),
    (
        "en",
        "Kyiv, May 8, 2024. Another angle of the strike, filmed from a nearby balcony, shows the missile's final seconds. The video was posted on Telegram.",
        1,
    ),
    (
        "en",
        "Kyiv, May 8, 2024. Photos published by the regional governor show the damaged school. No casualties were reported.",
        0,
    ),
    (
        "en",
        "Kyiv, May 8, 2024. A video released by the navy shows a sea drone approaching a ship. Meanwhile, a separate video shows a fire in the port of Novorossiysk.",
        2,
    ),
    (
        "en",
        "Kyiv, May 8, 2024. Satellite images taken on Sunday show craters around the airfield.",
        0,
    ),
    (
        "en",
        "Kyiv, May 8, 2024. The clip, which lasts 30 seconds, shows a column of tanks. In the video, soldiers can be heard shouting.",
        1,
    ),
    (
        "nl",
        "Amsterdam, 8 mei 2024. Op de beelden is te zien hoe een drone een tank raakt. In een tweede video is te zien hoe de bemanning vlucht.",
        2,
    ),
    (
        "nl",
        "Amsterdam, 8 mei 2024. Foto's van het getroffen gebouw werden gedeeld door de burgemeester.",
        0,
    ),
    (
        "de",
        "Berlin, 8. Mai 2024. Auf einem Video ist zu sehen, wie eine Drohne einschlägt. Ein zweites Video zeigt die Rauchwolke aus größerer Entfernung.",
        2,
    ),
    (
        "de",
        "Berlin, 8. Mai 2024. Das Video wurde auf Telegram geteilt. In dem Clip sind mehrere Explosionen zu hören.",
        1,
    ),
    (
        "fr",
        "Paris, 8 mai 2024. Une vidéo montre un drone frappant un char. Une autre vidéo, filmée par un habitant, montre l'incendie qui a suivi.",
        2,
    ),
    (
        "es",
        "Madrid, 8 de mayo de 2024. En las imágenes se ve cómo un dron alcanza un carro de combate. El vídeo fue compartido en X.",
        1,
    ),
    (
        "uk",
        "Київ, 8 травня 2024. На відео видно, як дрон уражає танк. На іншому відео зафіксовано пожежу на складі.",
        2,
    ),
    (
        "ru",
        "Москва, 8 мая 2024. На видео видно, как дрон поражает танк. Ролик опубликовал телеграм-канал «Рыбарь».",
        1,
    ),
    # Written on 2026-12-04, longer reports with other sentences between the pieces, before
    # any rule for them.
    (
        "en",
        "Kyiv, May 11, 2024. A video posted on Telegram shows a drone hitting a fuel depot. The regional governor said two people were injured. A video shared by the governor shows firefighters at the scene.",
        2,
    ),
    (
        "en",
        "Kyiv, May 11, 2024. Footage from a dashcam shows the missile in flight. Separately, CCTV footage from a petrol station captures the moment of impact.",
        2,
    ),
    (
        "en",
        "Kyiv, May 11, 2024. The brigade released a video of the assault. The video, filmed by a drone, shows infantry moving through trees. In it, explosions can be heard.",
        1,
    ),
    (
        "en",
        "Kyiv, May 11, 2024. Russian channels shared a clip claiming to show a downed jet. Fact-checkers found the footage was in fact filmed at an air show in 2019.",
        1,
    ),
    (
        "en",
        "Kyiv, May 11, 2024. A livestream from a webcam in the city captured the explosion. Later, residents posted their own videos on social media.",
        2,
    ),
    (
        "en",
        "Kyiv, May 11, 2024. The Defence Ministry published two videos on Sunday: one of a strike on a radar, the other of a downed drone.",
        2,
    ),
    (
        "nl",
        "Amsterdam, 11 mei 2024. Een video op X toont een brandende tank. Een andere video, gedeeld door het leger, toont de bemanning die wegrent.",
        2,
    ),
    (
        "nl",
        "Amsterdam, 11 mei 2024. De beelden zijn gemaakt door een drone. Op de video is te zien hoe een brug instort. Het filmpje werd later verwijderd.",
        1,
    ),
    (
        "de",
        "Berlin, 11. Mai 2024. Ein Video in sozialen Netzwerken zeigt einen brennenden Panzer. Auf weiteren Aufnahmen ist zu sehen, wie Soldaten fliehen.",
        2,
    ),
    (
        "de",
        "Berlin, 11. Mai 2024. Die Aufnahmen stammen von einer Drohne. Im Video ist zu sehen, wie eine Brücke einstürzt.",
        1,
    ),
    (
        "fr",
        "Paris, 11 mai 2024. Une vidéo diffusée sur Telegram montre un char en feu. Sur d'autres images, on voit des soldats s'enfuir.",
        2,
    ),
    (
        "fr",
        "Paris, 11 mai 2024. La séquence, filmée par un drone, montre l'effondrement du pont. On y voit aussi des véhicules en feu.",
        1,
    ),
    (
        "es",
        "Madrid, 11 de mayo de 2024. Un vídeo difundido en Telegram muestra un tanque en llamas. En otras imágenes se ve a soldados huyendo.",
        2,
    ),
    (
        "uk",
        "Київ, 11 травня 2024. Відео, поширене в Telegram, показує палаючий танк. На інших кадрах видно, як солдати тікають.",
        2,
    ),
    (
        "ru",
        "Москва, 11 мая 2024. Видео, опубликованное в Telegram, показывает горящий танк. На других кадрах видно, как солдаты убегают.",
        2,
    ),
    (
        "ru",
        "Москва, 11 мая 2024. Ролик снят с дрона. На записи видно, как рушится мост.",
        1,
    ),
    # Written on 2026-12-04 at 20:05, footage named by its camera or by filming alone, before
    # any rule for them.
    (
        "en",
        "Kyiv, May 15, 2024. The moment of the explosion was caught on camera by a passer-by.",
        1,
    ),
    ("en", "Kyiv, May 15, 2024. A CCTV camera recorded the attack on the shop.", 1),
    ("nl", "Amsterdam, 15 mei 2024. Een bewakingscamera legde de aanval op de winkel vast.", 1),
    (
        "de",
        "Berlin, 15. Mai 2024. Eine Überwachungskamera hielt den Angriff auf den Laden fest.",
        1,
    ),
    ("fr", "Paris, 15 mai 2024. Une caméra de surveillance a enregistré l'attaque du magasin.", 1),
    (
        "es",
        "Madrid, 15 de mayo de 2024. Una cámara de seguridad captó el ataque contra la tienda.",
        1,
    ),
    ("uk", "Київ, 15 травня 2024. Камера відеоспостереження зафіксувала атаку на магазин.", 1),
    ("ru", "Москва, 15 мая 2024. Камера видеонаблюдения зафиксировала нападение на магазин.", 1),
    (
        "en",
        "Kyiv, May 15, 2024. A drone filmed the column as it crossed the river. Another drone filmed the same column an hour later.",
        2,
    ),
    # 2026-12-04 at 21:40: longer reports with what is no footage beside it (addresses,
    # videoconferences, photos, video games), counted before any rule: 9 of 10.
    (
        "en",
        "Kyiv, June 4, 2024.\n\nPresident Zelensky said in his nightly video address that air defences had been strengthened around Kharkiv.\n\nMeanwhile, footage shared by the 92nd Brigade shows a Russian armoured vehicle hit by a drone near Vovchansk. The brigade said the crew fled.\n\nPhoto: Reuters/Vyacheslav Madiyevskyy",
        1,
    ),
    (
        "en",
        "London, June 5, 2024. Ministers met by videoconference on Tuesday to discuss sanctions. No footage of the meeting was released. A photo released by the Kremlin shows Putin at his desk.",
        0,
    ),
    (
        "en",
        "Washington, June 6, 2024. A video game clip has been passed off online as footage of a Ukrainian air strike. The clip comes from the game Arma 3, fact-checkers said. A second clip, shared alongside it, shows a real strike on a fuel depot in 2022.",
        2,
    ),
    (
        "en",
        "Kyiv, June 7, 2024. Two videos emerged on Friday. In the first, a drone drops a grenade into a trench. The second shows soldiers running across a field under fire. Both were shared by the 3rd Assault Brigade.",
        2,
    ),
    (
        "fr",
        "Paris, 5 juin 2024. Le président a pris la parole lors d'une allocution télévisée. Une vidéo publiée par l'armée montre par ailleurs une frappe sur un dépôt de munitions. Une autre séquence, filmée de nuit, montre l'incendie qui a suivi.",
        2,
    ),
    (
        "nl",
        "Amsterdam, 5 juni 2024. De minister sprak in een videoboodschap over de steun aan Oekraïne. Op beelden van de brandweer is te zien hoe een flat in Dnipro in brand staat. De video werd gedeeld op Telegram.",
        1,
    ),
    (
        "de",
        "Berlin, 5. Juni 2024. Auf einem Foto ist der zerstörte Bahnhof zu sehen. Ein Video zeigt zudem, wie Rettungskräfte Verletzte bergen. Ein zweites Video, das Anwohner aufgenommen haben, zeigt die Explosion.",
        2,
    ),
    (
        "ru",
        "Москва, 5 июня 2024 года. Губернатор выступил с видеообращением к жителям области. На опубликованных кадрах видно, как горит склад. Еще одно видео показывает работу пожарных.",
        2,
    ),
    (
        "es",
        "Madrid, 5 de junio de 2024. El presidente habló en una rueda de prensa retransmitida en directo. Un vídeo difundido por la policía muestra la detención de los sospechosos.",
        1,
    ),
    (
        "uk",
        "Київ, 5 червня 2024. Президент звернувся до українців у вечірньому відеозверненні. На відео, яке оприлюднила ДСНС, видно, як рятувальники гасять пожежу. Ще одне відео показує наслідки удару.",
        2,
    ),
    # 2026-12-04 at 21:40: the same footage named again, or another piece, counted before
    # any rule: 9 of 10.
    (
        "en",
        "Kyiv, June 4, 2024. A video posted on Telegram shows a drone striking a bridge. A longer version of the same video, shared later by the army, shows the bridge collapsing.",
        1,
    ),
    (
        "en",
        "Kyiv, June 4, 2024. Footage of the strike was filmed from two angles. The first angle, from a balcony, shows the missile. Another angle, filmed from the street, shows the blast.",
        2,
    ),
    (
        "en",
        "Kyiv, June 4, 2024. The original video was uploaded to YouTube in 2015. It was re-uploaded to TikTok this week with a false caption. The TikTok copy has been viewed two million times.",
        1,
    ),
    (
        "en",
        "Kyiv, June 4, 2024. The ministry released a compilation of drone strikes. The compilation includes a clip of a tank exploding near Avdiivka.",
        1,
    ),
    (
        "en",
        "Kyiv, June 4, 2024.\n\nA video shows Russian soldiers surrendering to a drone near Bakhmut.\n\nIn other news, the EU agreed on new sanctions.\n\nA separate video, filmed in Zaporizhzhia, shows a burning truck.",
        2,
    ),
    (
        "nl",
        "Amsterdam, 4 juni 2024. Een video toont een aanval op een tank. Dezelfde beelden werden later ook gedeeld door het leger. Een andere video laat een brandend huis zien.",
        2,
    ),
    (
        "de",
        "Berlin, 4. Juni 2024. Ein Video zeigt einen Drohnenangriff auf ein Öldepot. Dieselben Aufnahmen verbreitete später auch die ukrainische Armee. Ein weiteres Video zeigt Löscharbeiten.",
        2,
    ),
    (
        "fr",
        "Paris, 4 juin 2024. Une vidéo montre un drone qui frappe un char. La même vidéo a ensuite été partagée par l'armée. Une deuxième vidéo montre des soldats dans une tranchée.",
        2,
    ),
    (
        "es",
        "Madrid, 4 de junio de 2024. Un vídeo muestra un ataque con drones. El mismo vídeo fue compartido después por el ejército. Otro vídeo muestra el incendio posterior.",
        2,
    ),
    (
        "ru",
        "Москва, 4 июня 2024 года. Видео показывает удар дрона по складу. Это же видео позже опубликовало Минобороны. Другое видео показывает пожар.",
        2,
    ),
]


def same_actor(expected: str | None, got: str | None) -> bool:
    if expected is None or got is None:
        return expected is None and got is None
    e, g = expected.lower(), got.lower()
    return e in g or g in e


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--verbose", action="store_true", help="print every case's misses")
    args = ap.parse_args(argv)
    found = missed = extra = 0
    by_language: dict[str, list[int]] = {}
    for lang, text, expected in CASES:
        report = extract_report(Report(source="probe", text=text), reference_date=REFERENCE)
        got = [
            (h["role"], h["actor"], h["platform"]) for m in report["mentions"] for h in m["hops"]
        ]
        notes = []
        for role, actor, platform in expected:
            ok = any(
                r == role and same_actor(actor, a) and platform in (None, p) for r, a, p in got
            )
            found, missed = found + ok, missed + (not ok)
            by_language.setdefault(lang, [0, 0])[0 if ok else 1] += 1
            if not ok:
                notes.append(f"missed {role} {actor!r} {platform or ''}")
        for r, a, p in got:
            if not any(r == role and same_actor(actor, a) for role, actor, _ in expected):
                extra += 1
                notes.append(f"extra {r} {a!r} {p or ''}")
        if args.verbose and notes:
            print(f"{lang}: {text[:70]}...\n    " + "\n    ".join(notes))
    print(" ".join(f"{k} {v[0]}/{v[0] + v[1]}" for k, v in sorted(by_language.items())))
    print(f"hops found {found} of {found + missed}, extra {extra}")
    right = 0
    for lang, text, pieces in MENTION_CASES:
        report = extract_report(Report(source="probe", text=text), reference_date=REFERENCE)
        right += len(report["mentions"]) == pieces
        if args.verbose and len(report["mentions"]) != pieces:
            print(f"{lang}: {len(report['mentions'])} pieces, not {pieces}: {text[:70]}...")
    print(f"pieces counted right in {right} of {len(MENTION_CASES)} reports")
    return 0


if __name__ == "__main__":
    sys.exit(main())
