"""plotly.js's own words on the explorer's chart (its modebar's titles, its notes while saving an
image, its month names) in the page's language.

plotly.js reads a locale from the chart's config (`locale`, `locales`); its own locale files are
not in our bundle, and the dozen words this chart shows are few enough to keep in our catalogues
with the rest, so the config carries just those (about 1 KB), CLDR's month and day names and the
axis's date patterns ('2018年7月', not '7月 2018')."""

from __future__ import annotations

from functools import lru_cache

from babel import Locale

from ..core.i18n import DEFAULT, N_, catalogue_name, translator
from ..figures import plotly_config as configs

PLOTLY_MESSAGES = (
    N_("Download plot as a PNG"),
    N_("Download plot"),
    N_("Zoom"),
    N_("Pan"),
    N_("Zoom in"),
    N_("Zoom out"),
    N_("Autoscale"),
    N_("Reset axes"),
    N_("Double-click to zoom back out"),
    N_("Double-click on legend to isolate one trace"),
    N_("Taking snapshot - this may take a few seconds"),
    N_("Snapshot succeeded"),
    N_("Sorry, there was a problem downloading your snapshot!"),
)
# The axis's date ticks, as d3-time-format patterns (%b: month name, %-m / %-d: month / day number,
# %Y: year): plotly.js writes a month "%b %Y" and a day "%b %-d" unless the locale says otherwise.
TICK_FORMATS = {"month": N_("%b %Y"), "dayMonth": N_("%b %-d"), "dayMonthYear": N_("%b %-d, %Y")}


@lru_cache(maxsize=4)
def plotly_config(lang: str) -> dict:
    """The explorer's plotly.js config, with the locale of `lang` registered in it."""
    if lang == DEFAULT:
        return configs.EXPLORER
    gettext = translator(lang).gettext
    locale = Locale.parse(catalogue_name(lang))

    def names(table: dict, width: str) -> list[str]:
        found = table["format"][width]
        return [found[key] for key in sorted(found)]

    weekdays = names(locale.days, "wide")
    short_weekdays = names(locale.days, "abbreviated")
    format_ = {
        # CLDR counts weekdays from Monday (0), plotly.js from Sunday.
        "days": weekdays[-1:] + weekdays[:-1],
        "shortDays": short_weekdays[-1:] + short_weekdays[:-1],
        "months": names(locale.months, "wide"),
        "shortMonths": names(locale.months, "abbreviated"),
        **{key: gettext(pattern) for key, pattern in TICK_FORMATS.items()},
    }
    dictionary = {message: gettext(message) for message in PLOTLY_MESSAGES}
    return configs.EXPLORER | {
        "locale": lang,
        "locales": {lang: {"dictionary": dictionary, "format": format_}},
    }
