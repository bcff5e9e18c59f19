"""Command line: validate event files, serve the dashboard, export and import."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .core.event_file import dump_event_file
from .core.loader import event_paths, expand, load_dataset
from .core.model import json_schema
from .core.problems import EventFileError
from .core.store import Store
from .interop.timelinejs_import import from_timelinejs, from_timelinejs_csv
from .outputs.changes_report import changes_text, version_words
from .outputs.downloads import EXPORT_FORMATS, export_view
from .views.catalog import Catalog
from .views.change_log import ChangeLog


def _validate(args: argparse.Namespace) -> int:
    dataset = load_dataset(args.paths)
    files = expand(event_paths(args.paths))
    first, last = dataset.events[0].date, max((e.end or e.date) for e in dataset.events)
    print(
        f"OK: {len(dataset.events)} events in {len(files)} file{'s' * (len(files) != 1)}, "
        f"{first.year}–{last.year}, domains: {', '.join(d.id for d in dataset.domains)}"
    )
    return 0


def _serve(args: argparse.Namespace) -> int:
    from .app import create_app

    app = create_app(args.paths)
    print(f"Serving on http://{args.host}:{args.port}/", flush=True)
    app.run(host=args.host, port=args.port, debug=False)
    return 0


def _schema(args: argparse.Namespace) -> int:
    print(json.dumps(json_schema(), indent=2, ensure_ascii=False))
    return 0


def _write(text: str, output: str | None) -> None:
    if output is None:
        sys.stdout.write(text)
        return
    with open(output, "w", encoding="utf-8", newline="") as file:
        file.write(text)


def _export(args: argparse.Namespace) -> int:
    store = Store(args.paths)
    log, version = ChangeLog(store), store.version()
    catalog = Catalog(load_dataset(args.paths), version=version, change_log=log)
    text, notices = export_view(catalog, args.format, args.query, cited=log.cited(version))
    for notice in notices:
        print(notice, file=sys.stderr)
    _write(text, args.output)
    return 0


def _import(args: argparse.Namespace) -> int:
    path = Path(args.file)
    try:
        text = path.read_text(encoding="utf-8-sig")
        if path.suffix.lower() == ".csv":
            data, report = from_timelinejs_csv(text, path.name)
        else:
            data, report = from_timelinejs(json.loads(text), path.name)
    except (OSError, ValueError) as error:  # JSON and UTF-8 errors are ValueErrors
        print(f"{path}: {getattr(error, 'strerror', None) or error}", file=sys.stderr)
        return 1
    for line in report:
        print(line, file=sys.stderr)
    _write(dump_event_file(data), args.output)
    return 0


def _diff(args: argparse.Namespace) -> int:
    store = Store(args.paths)
    log, current = ChangeLog(store), store.version()
    found = log.compare(args.since or "", current)
    versions = log.versions(current)
    if found is None:
        if not versions:
            folder = store.folder
            print(
                f"No history: the files are not in git and no server has recorded versions in {folder}.",
                file=sys.stderr,
            )
            return 1
        if current not in {version.id for version in versions}:
            print(
                f"The files' version {current} is not recorded yet: a server records it when it serves it.",
                file=sys.stderr,
            )
            return 1
        print(f"Only one version: {version_words(versions[0])}")
        return 0
    if found.unmatched:
        print(f"No version matches {args.since!r}; the versions are:", file=sys.stderr)
        for version in versions:
            print(f"  {version_words(version)}", file=sys.stderr)
        return 1
    _write(changes_text(found), args.output)
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m dashboard", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    paths_help = "event files or folders (default: $TIMELINE_EVENTS, else the bundled events/)"

    validate = commands.add_parser("validate", help="check event files and list every problem")
    validate.add_argument("paths", nargs="*", help=paths_help)
    validate.set_defaults(handler=_validate)

    schema = commands.add_parser("schema", help="print the event file's JSON Schema")
    schema.set_defaults(handler=_schema)

    serve = commands.add_parser("serve", help="run the dashboard locally")
    serve.add_argument("paths", nargs="*", help=paths_help)
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8050)
    serve.set_defaults(handler=_serve)

    export = commands.add_parser("export", help="write the events of a view as TimelineJS, CSV, JSON, HTML")
    export.add_argument("format", choices=EXPORT_FORMATS)
    export.add_argument("paths", nargs="*", help=paths_help)
    export.add_argument("--query", default="", help='the explorer URL parameters, e.g. "domains=military"')
    export.add_argument("-o", "--output", help="file to write (default: standard output)")
    export.set_defaults(handler=_export)

    diff = commands.add_parser("diff", help="what changed in the events since an earlier version (from git)")
    diff.add_argument("paths", nargs="*", help=paths_help)
    diff.add_argument(
        "--since", help="a data version, a commit or a date (YYYY-MM-DD); default: the previous version"
    )
    diff.add_argument("-o", "--output", help="file to write (default: standard output)")
    diff.set_defaults(handler=_diff)

    import_ = commands.add_parser("import", help="start an event file from a TimelineJS JSON or CSV file")
    import_.add_argument("format", choices=["timelinejs"])
    import_.add_argument("file", help="TimelineJS3 JSON, or its Google spreadsheet saved as .csv")
    import_.add_argument("-o", "--output", help="YAML file to write (default: standard output)")
    import_.set_defaults(handler=_import)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.handler(args)
    except EventFileError as error:
        print(error, file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
