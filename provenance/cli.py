"""The `provenance` command: argument parsing and printing over the library.

Each command opens the catalog, calls one library function and prints what it returns. Every
ProvenanceError becomes one line "Error: ..." on stderr and exit status 1; bad options exit 2.
"""

import dataclasses
import datetime as dt
import json
import os
import sys
from pathlib import Path
from typing import Any

import click
from tqdm import tqdm

from . import config
from .catalog.db import default_catalog_path, new_catalog_in_memory, open_catalog, schema_version
from .catalog.schema_docs import describe_schema, schema_markdown, schema_text
from .clips import index_files
from .clips import log as clips_lib
from .clips import matches as linking
from .clips.groups import group_count
from .errors import CatalogError, NotFoundError, ProvenanceError
from .footage import items as footage_items
from .footage import links, suggest
from .footage.timeline import footage_timeline
from .reports import ingest as articles_lib
from .reports.extract import CAPTURE_KINDS


class ProvenanceGroup(click.Group):
    """Prints library errors as one line instead of a traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except ProvenanceError as e:
            click.echo(f"Error: {e}", err=True)
            sys.exit(1)
        except KeyboardInterrupt:
            click.echo(
                "Interrupted: nothing half-written was kept; rerun the same command to finish.",
                err=True,
            )
            sys.exit(130)


def _catalog_path(ctx: click.Context, param: click.Parameter, value: Path | None) -> Path | None:
    """--db after the command, else --db before it (`provenance --db x.db clips`), else
    $PROVENANCE_DB, else the default."""
    if value is not None:
        return value
    root = ctx.find_root()
    if root.params.get("db_path") is not None:
        return root.params["db_path"]
    return config.catalog_path_from_environment()


def db_option(f):
    return click.option(
        "--db",
        "db_path",
        type=click.Path(dir_okay=False, path_type=Path),
        default=None,
        callback=_catalog_path,
        help="Catalog file (default: $PROVENANCE_DB, else ./catalog.db); also before the command.",
    )(f)


def iso_time(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """An option that must be an ISO 8601 date or time ('2022-10-05', '2022-10-05T14:00Z')."""
    if value is None:
        return None
    try:
        dt.datetime.fromisoformat(value.strip())
    except ValueError:
        raise click.BadParameter(
            f"{value!r} is not an ISO 8601 date or time (like 2022-10-05 or 2022-10-05T14:30Z)"
        ) from None
    return value.strip()


def require_clips(db: Any, clip_ids: Any) -> None:
    """NotFoundError ("no clip 999 in the catalog") for the first id that is not a clip."""
    for clip_id in clip_ids:
        if not db.execute("SELECT 1 FROM clips WHERE id = ?", [clip_id]).fetchone():
            raise NotFoundError(f"no clip {clip_id} in the catalog")


def json_option(f):
    return click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")(f)


PAGE = 100  # what a listing shows unless asked for more: an archive has a million clips


def page_options(what: str):
    """--limit, --offset and --all of a listing of `what` (the command gets limit, offset
    and every)."""

    def decorate(f):
        f = click.option("--all", "every", is_flag=True, help=f"List every one of the {what}.")(f)
        f = click.option(
            "--offset", type=click.IntRange(min=0), default=0, help=f"Skip this many {what} first."
        )(f)
        return click.option(
            "--limit", type=click.IntRange(min=1), default=PAGE, show_default=True,
            help=f"List this many {what}.",
        )(f)  # fmt: skip

    return decorate


def page_footer(what: str, offset: int, shown: int, total: int) -> list[str]:
    """The line under a page that is not the last: where it is and how to get more."""
    if offset + shown >= total:
        return []
    return [
        f"{what} {offset + 1}-{offset + shown} of {total}: "
        f"--offset {offset + shown} for the next, --all for every one"
    ]


def to_json(data: Any) -> str:
    """What every --json option prints: indented, with non-ASCII names as written."""
    return json.dumps(data, indent=2, ensure_ascii=False)


def jobs_option(f):
    return click.option(
        "-j",
        "--jobs",
        type=click.IntRange(1, 256),
        default=None,
        help="Worker processes (default: all cores).",
    )(f)


def by_option(verb: str, dest: str = "by"):
    """--by: who does it, kept with what they did (default: $PROVENANCE_BY, else login)."""
    return click.option(
        "--by", dest, help=f"Who is {verb} (default: $PROVENANCE_BY, else the login name)."
    )


def quiet_option(f):
    return click.option(
        "-q",
        "--quiet",
        is_flag=True,
        help="No progress bar and no line per file; errors and the summary still print.",
    )(f)


@click.group(cls=ProvenanceGroup)
@click.version_option(package_name="provenance")
@click.option(
    "--db",
    "db_path",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Catalog file, for every command (default: $PROVENANCE_DB, else ./catalog.db).",
)
def cli(db_path: Path | None) -> None:
    """Catalogue war footage: clips with hashes, metadata and re-post matches, and the
    origin chains that reports state for them, in one SQLite file (catalog.db)."""


LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1")


def run_child(command: list[str]) -> int:
    """Run a child process that ends with this one: SIGTERM or SIGHUP to us is passed on to
    it, and we wait for it, so a stopped `serve` leaves no Datasette holding the port."""
    import signal
    import subprocess

    child = subprocess.Popen(command)

    def stop(signum: int, frame: object) -> None:
        child.terminate()

    previous = {s: signal.signal(s, stop) for s in (signal.SIGTERM, signal.SIGHUP)}
    try:
        return child.wait()
    except KeyboardInterrupt:
        child.terminate()
        return child.wait()
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
        for s, handler in previous.items():
            signal.signal(s, handler)


def finish_batch(results: list[Any], summary: str, *, as_json: bool) -> None:
    """The end of a batch command, the same for log and ingest: with --json every result;
    otherwise the summary (for more than one file) and the failures again; exit status 1
    when any file failed."""
    failed = [r for r in results if r.error]
    if as_json:
        click.echo(to_json([dataclasses.asdict(r) for r in results]))
    elif len(results) > 1:
        click.echo(f"{summary}, {len(failed)} failed", err=bool(failed))
        if failed:
            click.echo("failed:", err=True)
            for r in failed:
                click.echo(f"  {r.error}", err=True)
    if failed:
        sys.exit(1)


def progress_bar(unit: str, quiet: bool) -> tqdm:
    """The one progress bar of long commands: on stderr, sized as the work is found, off
    with -q (and when stderr is no terminal, tqdm's own choice)."""
    return tqdm(total=0, unit=unit, disable=quiet or None, file=sys.stderr, dynamic_ncols=True)


def format_duration(seconds: float | None) -> str:
    """80.4 -> '1:20'; 3725 -> '1:02:05'; None -> '-'."""
    if seconds is None:
        return "-"
    total = round(seconds)
    h, rest = divmod(total, 3600)
    m, s = divmod(rest, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"


def describe_clip_line(result: clips_lib.LogResult) -> str:
    clip = result.clip
    size = f"{clip['width']}x{clip['height']}" if clip.get("width") else "-"
    length = (
        "still"
        if clip.get("media_type") == "still"
        else format_duration(clip.get("duration_seconds"))
    )
    if result.new_clip:
        verb = "logged clip"
    elif result.new_sighting:
        verb = "new sighting of clip"
    else:
        verb = "already logged: clip"
    return f"{verb} {result.clip_id}  {Path(result.path).name}  {length}  {size}  sha256 {clip['sha256'][:12]}"


def describe_matches(rows: list[dict[str, Any]]) -> list[str]:
    """'same footage as clip 12 (...)' and one line per matched stretch, per other clip."""
    lines: list[str] = []
    for other_id in dict.fromkeys(r["other_clip_id"] for r in rows):
        mine = [r for r in rows if r["other_clip_id"] == other_id]
        first = mine[0]
        facts = [first["other_seen_at"]] if first["other_seen_at"] else []
        if first["other_posted_by"]:
            facts.append(f'posted by "{first["other_posted_by"]}"')
        if first["other_media_type"] == "still":
            facts.append("still")
        else:
            facts.append(f"{format_duration(first['other_duration_seconds'])} long")
        lines.append(
            f"  same footage as clip {other_id} {first['other_file_name']} ({', '.join(facts)}):"
        )
        for r in mine:
            speed = f"  speed x{r['speed']:g}" if r["speed"] != 1.0 else ""
            transform = f"  {r['transform']}" if r["transform"] != "same" else ""
            this, that = (
                f" ({r[k]})" if r.get(k, "picture") != "picture" else ""
                for k in ("view", "other_view")
            )
            lines.append(
                f"    this{this} {format_range(r['start_seconds'], r['end_seconds'])}  =  "
                f"clip {other_id}{that}  "
                f"{format_range(r['other_start_seconds'], r['other_end_seconds'])}   "
                f"similarity {r['similarity']:.2f}{speed}{transform}"
            )
    return lines


def format_range(start: float, end: float) -> str:
    return (
        format_duration(start)
        if start == end
        else f"{format_duration(start)}-{format_duration(end)}"
    )


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--source-url", help="Where the clip was downloaded from.")
@click.option(
    "--platform", help="telegram, twitter, youtube, ... (guessed from --source-url when left out)."
)
@click.option("--posted-by", help="Account or channel that posted it.")
@click.option("--outlet", help="News outlet or agency that carried it.")
@click.option("--posted-at", callback=iso_time, help="When it was posted (ISO 8601).")
@click.option("--note", help="A note to keep with this sighting.")
@by_option("logging", "logged_by")
@jobs_option
@click.option(
    "--triage",
    is_flag=True,
    help="Fingerprint keyframes only: coarser in time, several times faster on H.264 and "
    "HEVC (not on VP9 or MJPEG).",
)
@click.option(
    "--cluster",
    metavar="ADDRESS",
    help="Fingerprint on the Dask cluster whose scheduler is at ADDRESS (tcp://host:8786), "
    "or on local:N worker processes; the files must lie on a path the workers share. "
    "This process writes the catalog; --jobs is then the cluster's.",
)
@quiet_option
@json_option
@db_option
def log(
    paths,
    source_url,
    platform,
    posted_by,
    outlet,
    posted_at,
    note,
    logged_by,
    jobs,
    triage,
    cluster,
    quiet,
    as_json,
    db_path,
):
    """Log clips and stills (files or folders, recursively) into the catalog.

    Each file is SHA-256'd, probed and fingerprinted; a yt-dlp .info.json beside it fills in
    where it was posted. The same file logged again is the same clip with a further sighting.
    Footage already in the catalog is reported and linked in clip_matches.
    """
    fields = {
        "source_url": source_url,
        "platform": platform,
        "posted_by": posted_by,
        "outlet": outlet,
        "posted_at": posted_at,
        "note": note,
    }
    bar = progress_bar("file", quiet)
    clip_seconds = 0.0

    def on_result(result: clips_lib.LogResult, done: int, total: int) -> None:
        nonlocal clip_seconds
        bar.total = total
        clip_seconds += result.clip.get("duration_seconds") or 0.0
        elapsed = max(bar.format_dict["elapsed"], 1e-6)
        bar.set_postfix_str(f"{clip_seconds / elapsed:.1f} clip-s/s", refresh=False)
        bar.update(1)
        if result.error:
            tqdm.write(f"Error: {result.error}", file=sys.stderr)
        elif not (quiet or as_json):
            tqdm.write(
                "\n".join(
                    [
                        describe_clip_line(result),
                        *describe_matches(result.matches),
                        *[line for s in result.suggestions for line in describe_suggestion(s)],
                    ]
                ),
                file=sys.stdout,
            )

    try:
        results = clips_lib.log_paths(
            paths,
            db_path=db_path,
            fields=fields,
            logged_by=logged_by,
            jobs=jobs or os.cpu_count() or 1,
            keyframes_only=triage,
            cluster=cluster,
            on_result=on_result,
        )
    finally:
        bar.close()
    if not results:
        raise click.ClickException("no video or still files found in " + ", ".join(map(str, paths)))
    new = sum(r.new_clip for r in results)
    seen = sum(r.new_sighting and not r.new_clip for r in results)
    finish_batch(
        results,
        f"{len(results)} files: {new} new clips, {seen} new sightings of known clips",
        as_json=as_json,
    )


@cli.command(name="clips")
@page_options("clips")
@json_option
@db_option
def list_clips_command(limit, offset, every, as_json, db_path):
    """List the clips in the catalog, a page at a time."""
    db = open_catalog(db_path, write=False)
    rows = clips_lib.list_clips(db, limit=None if every else limit, offset=offset)
    if as_json:
        click.echo(to_json(rows))
        return
    total = clips_lib.clip_count(db)
    if not rows:
        click.echo(
            f"no clips in {db_path or default_catalog_path()}"
            if not total
            else f"no clips past {offset}"
        )
        return
    lines = []
    for r in rows:
        size = f"{r['width']}x{r['height']}" if r["width"] else "-"
        length = "still" if r["media_type"] == "still" else format_duration(r["duration_seconds"])
        lines.append(
            f"{r['id']:>5}  {r['file_name']:<40}  {length:>7}  {size:>9}  "
            f"{r['creation_time'] or '-':<25}  seen {r['sightings']}x  {r['seen_at'] or ''}".rstrip()
        )
    click.echo("\n".join(lines + page_footer("clips", offset, len(rows), total)))


@cli.command()
@click.argument("clip_ids", nargs=-1, type=int)
@by_option("checking", "checked_by")
@quiet_option
@json_option
@db_option
def verify(clip_ids, checked_by, quiet, as_json, db_path):
    """Re-hash every known copy of every clip: unchanged, changed or missing.

    Each check is recorded in the verifications table (chain of custody). Exit status 1 when
    any copy changed or is missing.
    """
    db = open_catalog(db_path)
    require_clips(db, clip_ids)
    bar = progress_bar("file", quiet)

    def on_result(row, done, total):
        bar.total = total
        bar.update(1)

    try:
        rows = clips_lib.verify_clips(
            db, clip_ids=clip_ids, checked_by=checked_by, on_result=on_result
        )
    finally:
        bar.close()
    counts = {s: sum(r["status"] == s for r in rows) for s in ("unchanged", "changed", "missing")}
    if as_json:
        click.echo(to_json(rows))
    else:
        for row in rows:
            if row["status"] != "unchanged" or not quiet:
                click.echo(f"{row['status']:<9}  clip {row['clip_id']}  {row['path']}")
        click.echo(
            f"{len(rows)} copies checked: " + ", ".join(f"{n} {s}" for s, n in counts.items())
        )
    if counts["changed"] or counts["missing"]:
        sys.exit(1)


@cli.command()
@click.argument("clip_id", type=int)
@json_option
@db_option
def matches(clip_id, as_json, db_path):
    """The clips that share footage with CLIP_ID, with the matching time ranges."""
    db = open_catalog(db_path, write=False)
    require_clips(db, [clip_id])
    rows = linking.matches_of(db, clip_id)
    if as_json:
        click.echo(to_json(rows))
        return
    if not rows:
        click.echo(f"clip {clip_id}: no other clip shares its footage")
    for line in describe_matches(rows):
        click.echo(line[2:])


@cli.command()
@page_options("groups")
@json_option
@db_option
def groups(limit, offset, every, as_json, db_path):
    """Sets of clips that share footage, earliest sighting first, a page at a time."""
    db = open_catalog(db_path, write=False)
    found = linking.footage_groups(db, limit=None if every else limit, offset=offset)
    if as_json:
        click.echo(to_json(found))
        return
    total = group_count(db)
    if not found:
        click.echo("no clips share footage" if not total else f"no groups past {offset}")
    # One write for the whole listing: a million-clip catalog has half a million lines.
    lines = []
    for group in found:
        lines.append(f"group {group['group_id']}: {len(group['clips'])} clips")
        for c in group["clips"]:
            length = format_duration(c["duration_seconds"]) if c["duration_seconds"] else "still"
            lines.append(
                f"  clip {c['clip_id']:<5} {c['file_name']:<40} {length:>7}  "
                f"first seen {c['first_seen'] or '-'} ({c['first_seen_from']})"
                f"  {c['seen_at'] or ''}".rstrip()
            )
    lines += page_footer("groups", offset, len(found), total)
    if lines:
        click.echo("\n".join(lines))


@cli.command()
@click.option(
    "--from-files",
    is_flag=True,
    help="Decode each clip again where its file is still on disk, so that crops are matched "
    "as when logged (slower: a full decode).",
)
@jobs_option
@quiet_option
@json_option
@db_option
def rematch(from_files, jobs, quiet, as_json, db_path):
    """Recompute every clip match from the stored fingerprints (after a threshold change)."""
    db = open_catalog(db_path)
    workers = jobs or os.cpu_count() or 1
    decode = (lambda ids: clips_lib.decode_again(db, ids, workers)) if from_files else None
    bar = progress_bar("clip", quiet)

    def on_progress(done, total):
        bar.total = total
        bar.update(1)

    try:
        written = linking.rematch_all(db, on_progress=on_progress, decode=decode)
    finally:
        bar.close()
    groups = group_count(db)
    if as_json:
        click.echo(to_json({"matched_stretches": written // 2, "groups": groups}))
    else:
        click.echo(f"{written // 2} matched stretches between {groups} groups of clips")


@cli.command("index")
@click.option(
    "--rebuild",
    is_flag=True,
    help="Index every clip again from the catalog, replacing the files (after restoring a "
    "backup or moving the catalog; `log` keeps it up to date otherwise).",
)
@json_option
@db_option
def index_command(rebuild, as_json, db_path):
    """The candidate index kept beside the catalog: where it is and what it covers."""
    db = open_catalog(db_path, write=rebuild)
    if rebuild:
        try:
            index_files.rebuild_index(db)
        except OSError as e:
            folder = index_files.index_folder(db)
            raise CatalogError(f"{folder}: cannot write the index: {e.strerror or e}") from e
    status = index_files.index_status(db)
    if as_json:
        click.echo(to_json(status))
        return
    if not status["segments"]:
        click.echo(
            f"no index on disk yet ({status['frames_not_on_disk']:,} frames; `log` makes one "
            f"past {index_files.FLUSH_FRAMES:,}, or run `provenance index --rebuild`)"
        )
        return
    click.echo(
        f"{status['folder']}: {status['segments']} segments, {status['rows']:,} rows, "
        f"{status['megabytes']} MB; clips 1-{status['covered_up_to_clip']} of "
        f"{status['newest_clip']} on disk, {status['frames_not_on_disk']:,} frames read from "
        "the catalog at each start"
    )


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--url", help="The report's web address (when not in the HTML).")
@click.option(
    "--published",
    callback=iso_time,
    help="The report's date (ISO); relative dates resolve against it.",
)
@by_option("ingesting", "ingested_by")
@quiet_option
@json_option
@db_option
def ingest(paths, url, published, ingested_by, quiet, as_json, db_path):
    """Catalogue every footage mention in reports (.txt, .md, .html; folders recursively),
    with the origin chain each states. The same text twice adds nothing."""
    bar = progress_bar("report", quiet)

    def on_result(result, done, total):
        bar.total = total
        bar.update(1)
        if result.error:
            tqdm.write(f"Error: {result.error}", file=sys.stderr)
        elif not (quiet or as_json):
            verb = "ingested article" if result.new else "already ingested: article"
            version = f" (version {result.version})" if result.new and result.version > 1 else ""
            tqdm.write(
                f"{verb} {result.article_id}{version}  {Path(result.path).name}  [{result.language}]  "
                f"{result.mentions} mentions, {result.hops} hops"
                + "".join(
                    "\n" + line for s in result.suggestions for line in describe_suggestion(s)
                ),
                file=sys.stdout,
            )

    try:
        results = articles_lib.ingest_paths(
            paths,
            db_path=db_path,
            url=url,
            published=published,
            ingested_by=ingested_by or config.user(),
            on_result=on_result,
        )
    finally:
        bar.close()
    if not results:
        raise click.ClickException("no report files found in " + ", ".join(map(str, paths)))
    finish_batch(
        results,
        f"{len(results)} reports: {sum(r.new for r in results)} new, "
        f"{sum(r.mentions for r in results if r.new)} mentions",
        as_json=as_json,
    )


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--json", "as_json", is_flag=True, help="Print JSON (the format score_extraction.py reads)."
)
@click.option(
    "--published",
    callback=iso_time,
    help="The reports' date (ISO); relative dates resolve against it.",
)
def extract(paths, as_json, published):
    """Print the footage mentions and chains found in reports, writing nothing."""
    found, errors = articles_lib.extract_paths(paths, published=published)
    for error in errors:
        click.echo(f"Error: {error}", err=True)
    if as_json:
        click.echo(to_json({"articles": found}))
    else:
        for article in found:
            click.echo(
                f"{article['source']}  [{article['language']}]  {len(article['mentions'])} mentions"
            )
            for n, m in enumerate(article["mentions"], start=1):
                click.echo(f"  {n}. {m['capture']}: {m['description'][:100]}")
                for h in m["hops"]:
                    click.echo(f"       {format_hop(h)}")
    if errors:
        sys.exit(1)


def format_hop(h: dict[str, Any]) -> str:
    text = f"{h['role']}: {h['actor'] or '?'}"
    if h.get("platform"):
        text += f" ({h['platform']})"
    if h.get("date"):
        text += f" {h['date']}"
    return text


@cli.command()
@click.option("--place", help="A place as written or in English (Bachmoet finds Bakhmut).")
@click.option(
    "--kind",
    "capture",
    type=click.Choice([*CAPTURE_KINDS, "unknown"]),
    help="How the footage was captured.",
)
@click.option("--article", "article_id", type=int, help="Only this article's mentions.")
@click.option(
    "--search", help="Full-text search of descriptions and sentences (SQLite FTS5 syntax)."
)
@json_option
@db_option
def mentions(place, capture, article_id, search, as_json, db_path):
    """List footage mentions with their origin chains."""
    db = open_catalog(db_path, write=False)
    rows = articles_lib.query_mentions(
        db, place=place, capture=capture, article_id=article_id, search=search
    )
    if as_json:
        click.echo(to_json(rows))
        return
    if not rows:
        click.echo("no mentions found")
    for r in rows:
        click.echo(
            f"{r['mention_id']:>5}  {r['capture']:<11} {(r['places'] or '-'):<25} {r['chain'] or '(no chain stated)'}"
        )
        click.echo(f"       {(r['description'] or '')[:110]}")


@cli.command()
@click.argument("mention_id", type=int)
@json_option
@db_option
def chain(mention_id, as_json, db_path):
    """One mention's origin chain, each hop with the sentence that states it."""
    db = open_catalog(db_path, write=False)
    m = articles_lib.mention_chain(db, mention_id)
    if as_json:
        click.echo(to_json(m))
        return
    click.echo(
        f"mention {mention_id} in article {m['article_id']} ({m['article_title'] or m['article_source']})"
    )
    click.echo(f"  {m['capture']}: {m['description']}")
    if m["places"]:
        click.echo(f"  places: {m['places']}")
    for h in m["hops"]:
        click.echo(f"  {h['position']}. {format_hop(h)}")
        click.echo(f'     "{h["evidence_text"]}" [{h["evidence_start"]}:{h["evidence_end"]}]')
    if not m["hops"]:
        click.echo("  (the report states no origin for it)")
    if m["clips"]:
        click.echo("  clips: " + ", ".join(map(str, m["clips"])))


mentions_flag = click.option(
    "--mentions",
    "both_mentions",
    is_flag=True,
    help="FIRST and SECOND are both mentions (in different reports), not a clip and a mention.",
)


@cli.command()
@click.argument("first", type=int)
@click.argument("second", type=int)
@mentions_flag
@by_option("linking")
@json_option
@db_option
def link(first, second, both_mentions, by, as_json, db_path):
    """Record that clip FIRST is the footage mention SECOND speaks of (or, with --mentions,
    that two mentions are one footage). Accepts the suggestion between them, if any."""
    db = open_catalog(db_path)
    by = by or config.user()
    if both_mentions:
        new = links.link_mentions(db, first, second, linked_by=by)
        a, b, what = ("mention", first), ("mention", second), f"mention {first}"
    else:
        new = links.link_clip_to_mention(db, first, second, linked_by=by)
        a, b, what = ("clip", first), ("mention", second), f"clip {first}"
    footage_id = footage_items.footage_of(db, a)
    apart = footage_items.blocked_by_split(db, a, b)
    if as_json:
        keys = ("mention_id", "other_mention_id") if both_mentions else ("clip_id", "mention_id")
        click.echo(to_json({keys[0]: first, keys[1]: second, "new": new, "footage_id": footage_id}))
        return
    click.echo(
        f"{what} {'linked to' if new else 'was already linked to'} mention {second}"
        + ("" if apart else f" (footage {footage_id})")
    )
    if apart:
        click.echo(
            "  a split keeps them in different footage items; join the items with "
            f"`provenance footage-merge {footage_id} {footage_items.footage_of(db, b)}`"
        )


@cli.command()
@click.argument("first", type=int)
@click.argument("second", type=int)
@mentions_flag
@by_option("unlinking")
@db_option
def unlink(first, second, both_mentions, by, db_path):
    """Undo `link`: clip FIRST is not the footage of mention SECOND after all (or, with
    --mentions, the two mentions are not one footage). The suggestion will not come back."""
    db = open_catalog(db_path)
    by = by or config.user()
    if both_mentions:
        removed = links.unlink_mentions(db, first, second, by=by)
        what = f"mention {first}"
    else:
        removed = links.unlink_clip_from_mention(db, first, second, by=by)
        what = f"clip {first}"
    click.echo(f"{what} {'unlinked from' if removed else 'was not linked to'} mention {second}")


EVIDENCE_WORDING = {
    "handle": "same handle {}",
    "account": "same account {}",
    "outlet": "same outlet {}",
    "same_day": "same day {}",
    "near_day": "dates {}",
    "report_window": "posted {}",
    "place": "place {}",
    "capture": "both {}",
    "duration": "length {}",
    "words": "words: {}",
    "platform": "platform {}",
}


def describe_evidence(evidence: list[dict[str, Any]]) -> str:
    agree = [EVIDENCE_WORDING[e["kind"]].format(e["detail"]) for e in evidence if e["weight"] > 0]
    against = [f"{e['kind']} {e['detail']}" for e in evidence if e["weight"] <= 0]
    return ", ".join(agree) + (f"; against: {', '.join(against)}" if against else "")


def describe_suggestion(s: dict[str, Any]) -> list[str]:
    if s["kind"] == "clip_mention":
        head = f"clip {s['clip_id']} may be the footage of mention {s['mention_id']}"
        accept = f"provenance link {s['clip_id']} {s['mention_id']}"
    else:
        head = (
            f"mention {s['other_mention_id']} may be the same footage as mention {s['mention_id']}"
        )
        accept = f"provenance link --mentions {s['mention_id']} {s['other_mention_id']}"
    status = "" if s["status"] == "open" else f" ({s['status']})"
    return [
        f"  suggestion {s['id']}{status}: {head} [score {s['score']:g}]",
        f"    {describe_evidence(s['evidence'])}",
        f"    accept: `{accept}`   reject: `provenance reject {s['id']}`",
    ]


@cli.command()
@click.option("--all", "every", is_flag=True, help="Accepted and rejected ones too.")
@json_option
@db_option
def suggestions(every, as_json, db_path):
    """Clips and mentions that may be the same footage, with the evidence, best first."""
    db = open_catalog(db_path, write=False)
    rows = suggest.open_suggestions(db, every=every)
    if as_json:
        click.echo(to_json(rows))
        return
    for s in rows:
        click.echo("\n".join(describe_suggestion(s)))
    if not rows:
        click.echo("no open suggestions")


@cli.command()
@click.argument("suggestion_id", type=int)
@by_option("rejecting")
@db_option
def reject(suggestion_id, by, db_path):
    """The two sides of suggestion SUGGESTION_ID are not the same footage: it will not be
    proposed again."""
    db = open_catalog(db_path)
    row = suggest.reject_suggestion(db, suggestion_id, by=by or config.user())
    click.echo(describe_suggestion(row)[0].strip())


def format_fact(f: dict[str, Any]) -> str:
    """'2022-10-05  released    National Guard of Ukraine (telegram @NGUmainpage)'."""
    where = " ".join(x for x in (f["platform"], f["handle"]) if x)
    actor = f["actor"] or "-"
    if f["fact"] == "reported" and os.sep in actor:
        actor = Path(actor).name  # a text report's file, when it has no title or site
    date = (f["date"] or "undated")[:16]
    return f"{date:<16}  {f['fact']:<11} {actor}" + (f" ({where})" if where else "")


@cli.command()
@click.argument("footage_id", type=int, required=False)
@click.option("--clip", "clip_id", type=int, help="The footage of this clip.")
@click.option("--mention", "mention_id", type=int, help="The footage of this mention.")
@click.option("--all", "every", is_flag=True, help="List lone clips and mentions too.")
@json_option
@db_option
def footage(footage_id, clip_id, mention_id, every, as_json, db_path):
    """Every footage item, earliest known appearance first; or one item's timeline: every
    dated fact from its reports and clips, where it first appeared, what the sources
    disagree on, and the best candidate for the original."""
    db = open_catalog(db_path, write=False)
    if clip_id is not None or mention_id is not None:
        node = ("clip", clip_id) if clip_id is not None else ("mention", mention_id)
        footage_id = footage_items.footage_of(db, node)
        if footage_id is None:
            raise NotFoundError(f"no {node[0]} {node[1]} in the catalog")
    if footage_id is None:
        rows = footage_items.list_footage(db, every=every)
        if as_json:
            click.echo(to_json(rows))
            return
        for r in rows:
            click.echo(
                f"footage {r['footage_id']:<5} {(r['first_appeared'] or 'undated')[:10]:<10}  "
                f"{r['clips']} clips, {r['mentions']} mentions in {r['reports']} reports  "
                f"{(r['label'] or '')[:70]}"
            )
        if not rows:
            click.echo("no footage items yet: `provenance log` clips, `provenance ingest` reports")
        return
    t = footage_timeline(db, footage_id)
    if as_json:
        click.echo(to_json(t))
        return
    click.echo(f"footage {footage_id}: {(t['label'] or '')[:100]}")
    for f in t["facts"]:
        evidence = (f["evidence"] or "").replace("\n", " ")
        click.echo(
            f"  {format_fact(f)}  {f['source']}" + (f'  "{evidence[:90]}"' if evidence else "")
        )
    if t["first_appeared"]:
        first = t["first_appeared"]
        click.echo(f"  first appeared: {first['date']} ({first['fact']}, {first['source']})")
    for d in t["disagreements"]:
        versions = " / ".join(f'"{v["value"]}" (report {v["article_id"]})' for v in d["versions"])
        click.echo(f"  disagree: {d['about']} {versions}")
    if t["original"]:
        o = t["original"]
        click.echo(
            f"  original: clip {o['clip_id']} ({'; '.join(o['reasons']) or 'the only clip'})"
        )
    for a in t["also_in"]:
        click.echo(
            f"  also in: clip {a['clip_id']} at {format_range(a['start'], a['end'])} "
            f"(footage {a['footage_id']})"
        )
    for s in t["suggestions"]:
        click.echo("\n".join(describe_suggestion(s)))


def parse_members(clip_ids: tuple[int, ...], mention_ids: tuple[int, ...]) -> list[tuple[str, int]]:
    return [("clip", i) for i in clip_ids] + [("mention", i) for i in mention_ids]


@cli.command(name="footage-merge")
@click.argument("footage_id", type=int)
@click.argument("other_id", type=int)
@by_option("merging")
@db_option
def footage_merge(footage_id, other_id, by, db_path):
    """Footage items FOOTAGE_ID and OTHER_ID are one footage. Kept through every rematch and
    re-ingest."""
    db = open_catalog(db_path)
    merged = links.merge_footage(db, footage_id, other_id, by=by or config.user())
    click.echo(f"footage {footage_id} and {other_id} are footage {merged}")


@cli.command(name="footage-split")
@click.argument("footage_id", type=int)
@click.option("--clip", "clip_ids", type=int, multiple=True, help="A clip to split off.")
@click.option("--mention", "mention_ids", type=int, multiple=True, help="A mention to split off.")
@by_option("splitting")
@db_option
def footage_split(footage_id, clip_ids, mention_ids, by, db_path):
    """The clips and mentions named are other footage than the rest of FOOTAGE_ID: they
    become an item of their own. Kept through every rematch and re-ingest."""
    if not clip_ids and not mention_ids:
        raise click.UsageError("name what to split off: --clip N and/or --mention N")
    db = open_catalog(db_path)
    rest, leaving = links.split_footage(
        db, footage_id, parse_members(clip_ids, mention_ids), by=by or config.user()
    )
    click.echo(
        f"footage {footage_id} split: the rest is footage {rest}, those named footage {leaving}"
    )


@cli.command()
@click.argument("other", type=click.Path(path_type=Path))
@by_option("merging")
@quiet_option
@json_option
@db_option
def merge(other, by, quiet, as_json, db_path):
    """Fold another volunteer's catalog OTHER into this one: its clips (by SHA-256, matched
    against everything here), sightings, reports, links, merges and splits, and checks, each
    kept once. Running it again adds nothing."""
    from .merge import merge_catalog

    db = open_catalog(db_path)
    bar = progress_bar("item", quiet)

    def on_progress(what: str, done: int, total: int) -> None:
        bar.set_description(what, refresh=False)
        bar.total = total
        bar.n = done
        bar.refresh()

    try:
        result = merge_catalog(db, other, by=by or config.user(), on_progress=on_progress)
    finally:
        bar.close()
    if as_json:
        click.echo(to_json(dataclasses.asdict(result)))
        return
    click.echo(
        f"merged {other}: {result.clips_added} new clips ({result.clips_known} known),"
        f" {result.sightings_added} new sightings, {result.articles_added} new reports"
        f" ({result.articles_known} known), {result.links_added} links,"
        f" {result.decisions_added} footage decisions, {result.checks_added} custody checks"
    )
    for line in result.skipped:
        click.echo(f"  not carried over: {line}", err=True)


@cli.command()
@click.argument("kind", type=click.Choice(["clip", "sighting"]))
@click.argument("number", type=int)
@click.option("--reason", help="Why it is forgotten (kept in the forgotten table).")
@by_option("forgetting", "forgotten_by")
@db_option
def forget(kind, number, reason, forgotten_by, db_path):
    """Remove a wrongly logged clip (with its sightings, checks, fingerprint, matches and
    links) or one wrong sighting. Its number is never given to anything else."""
    db = open_catalog(db_path)
    by = forgotten_by or config.user()
    if kind == "clip":
        removed = clips_lib.forget_clip(db, number, by=by, reason=reason)
        parts = ", ".join(f"{n} {table}" for table, n in removed.items() if n and table != "clips")
        click.echo(f"forgot clip {number}" + (f" ({parts})" if parts else ""))
    else:
        clip_id = clips_lib.forget_sighting(db, number, by=by, reason=reason)
        click.echo(f"forgot sighting {number} of clip {clip_id}")


@cli.command()
@click.argument("path", type=click.Path(path_type=Path))
@json_option
@db_option
def lookup(path, as_json, db_path):
    """Is this file, or its footage, already in the catalog? Logs nothing.

    The same bytes are the same clip (by SHA-256); other clips of the same footage are found
    by fingerprint, as `log` would find them. Exit status 1 when neither is in the catalog.
    """
    db = open_catalog(db_path, write=False)
    found = clips_lib.lookup_file(db, path)
    if as_json:
        click.echo(to_json(found))
    elif found["clip_id"] is not None:
        click.echo(f"{path}: is clip {found['clip_id']} ({found['file_name']})")
    elif found["matches"]:
        click.echo(f"{path}: not in the catalog, but its footage is:")
        for line in describe_matches(found["matches"]):
            click.echo(line)
    else:
        click.echo(f"{path}: neither the file nor its footage is in the catalog")
    if found["clip_id"] is None and not found["matches"]:
        sys.exit(1)


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8001, show_default=True, type=int, help="Port to listen on.")
@db_option
def serve(host, port, db_path):
    """Browse the catalog in Datasette: every table with its column descriptions, canned
    queries for the common questions, and a hamming(a, b) SQL function for hashes."""
    import tempfile

    from .serve import serve_command

    path = Path(db_path or default_catalog_path())
    open_catalog(path, write=False).close()  # a missing or foreign file is refused here
    if host not in LOOPBACK_HOSTS:
        click.echo(
            f"warning: serving on {host} shows everyone who can reach this machine the"
            " catalog: article texts, local file paths and the names of the volunteers who"
            " logged clips. Use the default (127.0.0.1) unless that is what you mean.",
            err=True,
        )
    with tempfile.TemporaryDirectory() as tmp:
        command = serve_command(
            path, host=host, port=port, metadata_path=Path(tmp) / "metadata.json"
        )
        click.echo(f"serving {path} at http://{host}:{port}/ (Ctrl-C to stop)", err=True)
        sys.exit(run_child(command))


@cli.command()
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["csv", "json", "prov"]),
    required=True,
    help="csv or json for a table or view; prov (W3C PROV-JSON) for origin chains.",
)
@click.argument("what")
@click.argument("mention_id", metavar="[N]", type=int, required=False)
@db_option
def export(fmt, what, mention_id, db_path):
    """Export a table or view (csv, json), or origin chains as PROV-JSON.

    \b
    provenance export --format csv clips > clips.csv
    provenance export --format prov mention 17 > chain.json
    provenance export --format prov footage 5 > footage.json
    provenance export --format prov catalog > catalog.prov.json
    """
    from .export import export_prov, export_rows

    db = open_catalog(db_path, write=False)
    if fmt == "prov":
        if what in ("mention", "footage") and mention_id is None:
            raise click.UsageError(f"give the {what}'s number: export --format prov {what} 17")
        if what not in ("mention", "footage", "catalog"):
            raise click.UsageError("prov exports 'mention N', 'footage N' or 'catalog'")
        click.echo(
            export_prov(
                db,
                mention_id if what == "mention" else None,
                footage_id=mention_id if what == "footage" else None,
            ),
            nl=False,
        )
    else:
        click.echo(export_rows(db, what, fmt), nl=False)


@cli.command()
@click.argument("clip_ids", nargs=-1, required=True, type=int)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help="PNG file to write.",
)
@click.option(
    "--rows",
    default=6,
    show_default=True,
    type=click.IntRange(1, 30),
    help="Matched instants to show (two clips).",
)
@db_option
def sheet(clip_ids, output, rows, db_path):
    """Draw a PNG: two matched clips side by side at the same matched instants, or one
    clip's keyframes as a contact sheet."""
    from .sheet import comparison_sheet, keyframe_sheet, write_png

    if len(clip_ids) > 2:
        raise click.UsageError("give one clip (keyframes) or two clips (comparison)")
    db = open_catalog(db_path, write=False)
    image = (
        comparison_sheet(db, *clip_ids, rows=rows)
        if len(clip_ids) == 2
        else keyframe_sheet(db, clip_ids[0])
    )
    write_png(image, output)
    click.echo(f"wrote {output} ({image.shape[1]}x{image.shape[0]})")


@cli.command()
@click.option("--markdown", is_flag=True, help="Print docs/schema.md instead.")
@db_option
def schema(markdown, db_path):
    """The catalog's tables and views, with a line on each column (of a new catalog when
    there is none at the path: nothing is made on disk)."""
    path = db_path or default_catalog_path()
    db = open_catalog(path, write=False) if Path(path).exists() else new_catalog_in_memory()
    described = describe_schema(db)
    click.echo(
        schema_markdown(described, schema_version(db)) if markdown else schema_text(described),
        nl=False,
    )


def main() -> None:
    cli(prog_name="provenance")
