"""Command line: validate event files, serve the dashboard, export and import."""

from __future__ import annotations

import argparse
import json
import sys

from .loader import event_paths, expand, load_dataset
from .model import json_schema
from .problems import EventFileError


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
