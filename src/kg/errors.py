"""Errors as numbered templates, so a message can be looked up and tested by its code.

The command line prints `error[E0xx]: <message>` on one line and exits with the status below;
never a traceback.
"""

from __future__ import annotations

from enum import IntEnum


class ExitStatus(IntEnum):
    OK = 0
    USAGE = 2  # bad option or argument (typer/click's own status)
    INPUT = 3  # a missing, empty, binary or undecodable input
    NOT_FOUND = 4  # an unknown name, or no path between two entities
    QUERY = 5  # malformed or refused SPARQL, or a query that timed out
    GRAPH = 6  # no graph built yet, or a graph that cannot be read
    PIPELINE = 7  # the NLP pipeline is missing or failed


class Errors:
    E001 = "no such file or directory: {path}"
    E002 = "no articles (*.txt, *.md) found in {path}"
    E003 = "{path} is not a text file (it contains binary data)"
    E004 = "{path} is not valid UTF-8 text (byte {offset}): convert it to UTF-8 first"
    E005 = "{path} is empty"
    E006 = (
        "the spaCy pipeline '{name}' is not installed; install it (e.g. pip install {hint}) "
        "or choose another with --model"
    )
    E007 = "no graph in {path}: run 'kg build' first"
    E008 = "the graph in {path} cannot be read: {reason}"
    E009 = "malformed SPARQL: {reason}"
    E010 = "refused: {what} is not allowed; kg query is read-only and never uses the network"
    E011 = "the query took longer than {seconds} s and was stopped (raise --timeout)"
    E012 = "no entity named '{name}'{suggestions}"
    E013 = "no path between '{a}' ({size_a} nodes in its component) and '{b}' ({size_b} nodes in its component)"
    E014 = "'{name}' is ambiguous: {candidates}"
    E015 = "index file {path} is not valid: {reason}"
    E016 = "gold file {path} is not valid: {reason}"
    E017 = "unknown named query '{name}'; known: {known}"
    E018 = "missing parameter '{param}' for query '{name}'"
    E019 = "{path}: {reason}"
    E020 = "no path between '{a}' and '{b}' within --max-length {max_length}: the shortest has {shortest} relations"


_STATUS = {
    "E001": ExitStatus.INPUT, "E002": ExitStatus.INPUT, "E003": ExitStatus.INPUT,
    "E004": ExitStatus.INPUT, "E005": ExitStatus.INPUT, "E006": ExitStatus.PIPELINE,
    "E007": ExitStatus.GRAPH, "E008": ExitStatus.GRAPH, "E009": ExitStatus.QUERY,
    "E010": ExitStatus.QUERY, "E011": ExitStatus.QUERY, "E012": ExitStatus.NOT_FOUND,
    "E013": ExitStatus.NOT_FOUND, "E014": ExitStatus.NOT_FOUND, "E015": ExitStatus.INPUT,
    "E016": ExitStatus.INPUT, "E017": ExitStatus.NOT_FOUND, "E018": ExitStatus.USAGE,
    "E019": ExitStatus.INPUT, "E020": ExitStatus.NOT_FOUND,
}


class KgError(Exception):
    """An expected failure with a code, a one-line message and an exit status."""

    def __init__(self, code: str, **fields: object) -> None:
        self.code = code
        self.fields = fields
        self.message = getattr(Errors, code).format(**fields).replace("\n", " ")
        self.status = _STATUS[code]
        super().__init__(f"[{code}] {self.message}")
