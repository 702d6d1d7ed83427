"""Proposals: delegations' tracked changes and comments on a base text, compiled, and
followed to their fate in the next revision (issue 17).

``extract`` reads a Word file's tracked changes and comments as attributed
proposals on its base text; ``compile_proposals`` gathers several files' proposals
paragraph by paragraph, conflicting ones grouped; ``judge`` decides each proposal's
fate in the next revision. No SQL and no Qt here: the library stores proposals and
the author-to-delegation table (:mod:`drafter.store.proposals`).
"""

from drafter.proposals.compile import compile_proposals
from drafter.proposals.extract import extract
from drafter.proposals.fate import judge
from drafter.proposals.model import (
    Compilation,
    Fate,
    ParagraphProposals,
    Proposal,
    ProposalKind,
)

__all__ = [
    "Compilation",
    "Fate",
    "ParagraphProposals",
    "Proposal",
    "ProposalKind",
    "compile_proposals",
    "extract",
    "judge",
]
