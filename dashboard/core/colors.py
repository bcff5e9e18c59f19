"""The colour rule: a domain's colour is #RRGGBB; without one it takes the next of a safe palette."""

from __future__ import annotations

COLOR = r"^#[0-9A-Fa-f]{6}$"
# Okabe–Ito: distinguishable with the common colour-vision deficiencies.
SAFE_COLORS = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000")
