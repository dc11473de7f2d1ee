"""The public surface is explicit: __all__ lists every public name, sorted."""

import boardpapers


def test_exported_members_all_is_sorted_and_complete():
    exported = boardpapers.__all__
    assert exported == sorted(exported)
    public = {name for name in vars(boardpapers) if not name.startswith("_")}
    modules = {"api", "document", "errors", "extract", "ingest", "nlp", "records", "segment", "cli", "cli_archive", "cli_output", "annotations", "link", "query", "store"}
    assert public - modules - {"__version__"} == set(exported)
