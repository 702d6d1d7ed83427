"""Function words that say nothing about what a paragraph is about.

Shipped with Drafter (no download): English, the working language of most drafts,
plus the commonest French and Spanish function words, which are the other languages
of resolutions a drafter meets in Latin script. Only grammar words are listed:
resolution vocabulary ("Decides", "Member States", "development") stays, because
whether it is evidence is decided by its rarity in the two texts compared.
"""

from __future__ import annotations

_ENGLISH = """
a about above across after against all also although am among amongst an and another
any are as at be because been before being below between both but by can could did do
does doing down during each either else etc even ever every for from further
furthermore had has have having he hence her here hers herself him himself his how
however i if in inter alia into is it its itself just least less let may me might more
moreover most much must my myself namely neither no nor not of off on once one only
onto or other others otherwise our ours ourselves out over own per rather same shall
she should since so some such than that the their theirs them themselves then there
thereby therefore therein thereof thereto these they this those though through
throughout thus to together too toward towards two under unless until up upon us very
via was we were what whatever when whenever where whereas whereby wherein whether
which while who whom whose why will with within without would yet you your
e.g i.e including well regarding
"""

_FRENCH = """
au aux avec ce ces cette dans de des du elle en est et il ils la le les leur leurs
lui mais ne ni nous on ou par pas pour qu que qui sa se ses son sont sur un une vous
"""

_SPANISH = """
al con de del el ella ellos en entre es esta este esto la las le les lo los mas ni
o para pero por que se sin sobre su sus un una uno unos y
"""

STOPWORDS: frozenset[str] = frozenset((_ENGLISH + _FRENCH + _SPANISH).split())
