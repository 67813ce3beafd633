"""The thresholds of the quality indicators: one dataclass, each office sets its own."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..copies import DEFAULTS as COPY_DEFAULTS
from ..copies import CopySettings
from .outliers import OutlierSettings


@dataclass(frozen=True)
class QualitySettings:
    """Thresholds of the quality indicators; these are the defaults.

    - ``copies``: copy detection's (``CopySettings``: flag at containment ≥ 0.8, texts too short
      to judge, …).
    - ``outliers``: ``yoy_jump``'s, ``zero_where_peers_large``'s and the rates' (``OutlierSettings``).
    - ``overview_max_chars``: ``overview_chars`` is flagged over this many characters. None (the
      default) flags nothing: the 条例 sets no length, and only some local rules cap part 一
      (often at 1,000 字); an office with such a rule sets it.
    - ``revisions_flag_at``: ``revisions`` is flagged at this many revisions or more. None (the
      default) flags nothing: correcting a published report is what the rules ask for, not a fault.
    """

    copies: CopySettings = field(default_factory=lambda: COPY_DEFAULTS)
    outliers: OutlierSettings = field(default_factory=OutlierSettings)
    overview_max_chars: int | None = None
    revisions_flag_at: int | None = None


DEFAULTS = QualitySettings()
