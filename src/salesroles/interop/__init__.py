"""From a CRM's records to a portfolio: one module per system.

Each module reads plain dicts, as the system's API or export gives them, and
answers with a :class:`Draft`: wire-format data with its provenance, the
values no table maps, the evidence that disagrees and the records left out.
Pure functions, no I/O: fetch the records with your own client.

- :mod:`salesroles.interop.salesforce`: User, Account, AccountTeamMember,
  Contact, Opportunity, OpportunityContactRole, Lead, Contract.
- :mod:`salesroles.interop.hubspot`: owners, companies, contacts, deals (CRM v3).
- :mod:`salesroles.interop.erpnext`: Sales Person, Customer, Contact,
  Opportunity, Contract, Sales Order (REST documents).
- :mod:`salesroles.interop.odoo`: res.users, crm.team, res.partner, crm.lead,
  sale.order (``read()`` dicts).
"""

from __future__ import annotations

from ._draft import Draft, Skipped, Source

__all__ = ["Draft", "Skipped", "Source"]
