"""The report pipeline: file -> articles, mentions, hops, actors.

read (text or HTML, sentences) -> extract (mentions and their chains, from the language data
in languages/) -> ingest (articles, mentions, hops and actors rows, and the queries on them).
"""
