"""Links that pin a data version (`v=`): the catalog of that version while its snapshot is in the
store, and what the page says about it.

The store keeps the current and the previous version's snapshots (store.Store.point prunes older
ones), so a pinned link keeps showing its data through the next edit; after that the page says the
version is no longer available, shows the current one and links to what changed since."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from urllib.parse import quote

from ..core.history import find
from ..core.i18n import DEFAULT, translator
from ..core.snapshot_file import DamagedSnapshot, looks_whole
from ..core.store import Store
from .catalog import Catalog
from .change_log import ChangeLog, version_name
from .live import read_catalog

KEPT = 2  # pinned catalogs a process keeps open besides the current one


@dataclass(frozen=True)
class PinNote:
    """What a pinned page says above its data: a sentence, then a link."""

    text: str
    link_text: str
    href: str


class Pins:
    """The catalogs of pinned versions of one store's files, opened on demand and kept a while."""

    def __init__(self, store: Store, change_log: ChangeLog):
        self.store, self.change_log = store, change_log
        self._open: dict[str, Catalog] = {}
        self._lock = threading.Lock()

    def catalog(self, ref: str, current: Catalog) -> Catalog | None:
        """The catalog of the version `ref` names (core/version_ref.py), or None when no version of
        these files matches or its snapshot is no longer in the store."""
        version = find(self.change_log.versions(current.version), ref)
        if version is None or version.id == current.version:
            return current if version else None
        with self._lock:
            kept = self._open.get(version.id)
            if kept is not None and kept.dataset.intact():
                return kept
            self._open.pop(version.id, None)
            if not looks_whole(self.store.snapshot_path(version.id)):
                return None
            try:
                catalog = read_catalog(self.store, version.id, self.change_log)
            except (DamagedSnapshot, OSError):
                return None
            while len(self._open) >= KEPT:
                self._open.pop(next(iter(self._open)))
            self._open[version.id] = catalog
            return catalog

    def _words(self, version_id: str, lang: str) -> str:
        found = self.change_log.version(version_id)
        if found:
            return version_name(found, lang)
        return translator(lang).gettext("data version %(id)s") % {"id": version_id}

    def note(self, ref: str, pinned: Catalog | None, current: Catalog, lang: str = DEFAULT) -> PinNote | None:
        """What a page pinned to `ref` says, in `lang`: that it shows an older version (`pinned`), or
        that the one asked for is gone (None: the current one is shown); nothing when it is the
        current one."""
        _ = translator(lang).gettext
        now = self._words(current.version, lang)
        if pinned is None:
            return PinNote(
                _("Data version %(ref)s is no longer available here; this is the current %(current)s.")
                % {"ref": ref, "current": now},
                _("What changed since %(ref)s") % {"ref": ref},
                f"/changes?since={quote(ref)}",
            )
        if pinned.version == current.version:
            return None
        return PinNote(
            _("This link shows %(pinned)s, as it was then; the current one is %(current)s.")
            % {"pinned": self._words(pinned.version, lang), "current": now},
            _("What changed since"),
            f"/changes?since={pinned.version}",
        )
