"""Write the CRM exports of tests/data/interop/: one fictitious company, four systems' shapes.

Nordwind Pumpen GmbH has 30 people and 200 accounts. The script draws the
company once (the same for the same seed) and writes it as each system's
public API gives it, with the messes real exports have: a user with two team
roles, a contact role ``Other``, an empty picklist, a deleted owner, amounts
as floats and as ``"1,200,000.50"`` strings, a ``24:00`` timestamp and a
duplicate record. Field names and picklist values come from the systems'
object references (see each adapter's docstring), not from our wire format.

    python tools/interop_exports.py
"""

from __future__ import annotations

import csv
import json
import random
from pathlib import Path

OUT = Path(__file__).parent.parent / "tests" / "data" / "interop"
RNG = random.Random(2026)  # noqa: S311 - test data, the same on every run

FIRST = [
    "Anna",
    "Ben",
    "Clara",
    "David",
    "Eva",
    "Felix",
    "Greta",
    "Hannes",
    "Ida",
    "Jonas",
    "Katrin",
    "Lukas",
    "Marie",
    "Nils",
    "Olga",
    "Paul",
    "Quirin",
    "Rosa",
    "Stefan",
    "Tina",
    "Uwe",
    "Vera",
    "Willi",
    "Xenia",
    "Yannik",
    "Zoe",
    "Arne",
    "Bettina",
    "Carsten",
    "Doris",
]
LAST = [
    "Albers",
    "Brandt",
    "Conrad",
    "Dietz",
    "Engel",
    "Fuchs",
    "Gärtner",
    "Hahn",
    "Igel",
    "Jung",
    "Keller",
    "Lorenz",
    "Mertens",
    "Nagel",
    "Otto",
    "Pohl",
    "Quast",
    "Roth",
    "Seidel",
    "Thiel",
    "Ulrich",
    "Vogt",
    "Wolff",
    "Xander",
    "Yilmaz",
    "Ziegler",
    "Arndt",
    "Busch",
    "Claßen",
    "Dorn",
]
# (title, kind) for the 30 people; kind is what the story needs, not a wire role.
STAFF = (
    [("Head of Sales", "manager"), ("Vertriebsleiter", "manager"), ("Sales Manager", "manager")]
    + [("Key Account Manager", "am")] * 4
    + [("Kundenbetreuerin", "am"), ("", "am"), ("", "am")]
    + [("Sales Representative", "rep")] * 6
    + [("Außendienstmitarbeiter", "rep")] * 3
    + [("Account Executive", "rep")] * 2
    + [("Vertriebsinnendienst", "coordinator")] * 2
    + [("Marketing Manager", "marketing")] * 2
    + [("", "both")]  # Sales Rep on three accounts, Account Manager on two (S0.2)
    + [("Chief Financial Officer", "none"), ("Sales Operations Analyst", "none")]
    + [("Pre-Sales Consultant", "presales"), ("Marketing Specialist", "marketing")]
)
ROOTS = [
    "Adler",
    "Bergmann",
    "Citrin",
    "Donau",
    "Elster",
    "Falken",
    "Granit",
    "Hafen",
    "Iser",
    "Jura",
    "Kiefer",
    "Lahn",
    "Mosel",
    "Neckar",
    "Oder",
    "Pegnitz",
    "Quelle",
    "Rhön",
    "Saale",
    "Taunus",
]
TRADES = [
    "Chemie",
    "Stahl",
    "Brauerei",
    "Papier",
    "Wasser",
    "Energie",
    "Bau",
    "Textil",
    "Glas",
    "Agrar",
]
FORMS = ["AG", "GmbH", "GmbH & Co. KG", "SE", "KG"]


def draw_company() -> dict[str, list[dict]]:  # noqa: C901, PLR0915 - one story, in order
    """The company, drawn once: people, accounts and what links them."""
    people = [
        {
            "n": i,
            "first": FIRST[i],
            "last": LAST[i],
            "title": title,
            "kind": kind,
            "active": i != 27,
        }
        for i, (title, kind) in enumerate(STAFF)
    ]
    kinds = {k: [p["n"] for p in people if p["kind"] == k] for k in {p["kind"] for p in people}}
    accounts = []
    for i in range(200):
        name = f"{ROOTS[i % 20]} {TRADES[i // 20]} {FORMS[i % 5]}"
        kind = (
            "customer"
            if i < 160
            else ("prospect" if i < 185 else ("partner" if i < 195 else "other"))
        )
        employees = RNG.choice([12, 35, 48, 80, 140, 230, 420, 900, 2500, 8000])
        revenue = round(RNG.uniform(0.2, 30) * 1e6, 2) if kind == "customer" else None
        accounts.append(
            {
                "n": i,
                "name": name,
                "kind": kind,
                "employees": employees,
                "revenue": revenue,
                "key": kind == "customer" and i < 30,
            }
        )
    accounts[7]["revenue"] = 1234567.891  # a float that rounding to cents changes
    accounts[0]["revenue"] = 1200000.5
    team = []  # (person, account, role label)
    ams = kinds["am"]
    team += [(ams[a["n"] % len(ams)], a["n"], "Account Manager") for a in accounts[:28]]
    both = kinds["both"][0]
    team += [(both, 28, "Account Manager"), (both, 29, "Account Manager")]
    team += [(both, n, "Sales Rep") for n in (40, 41, 42)]
    reps = kinds["rep"]
    for a in accounts[30:160]:
        if a["n"] % 2 == 0:
            team.append((reps[a["n"] % len(reps)], a["n"], "Sales Rep"))
    team += [(kinds["presales"][0], n, "Pre-Sales Consultant") for n in (3, 5)]
    team.append((kinds["manager"][0], 10, "Sales Manager"))
    team.append((reps[0], 11, ""))  # an empty picklist value
    contacts = []  # (n, account, first, last, title)
    for a in accounts[:160]:
        count = 3 if a["key"] else 1
        for j in range(count):
            title = (
                ["Leiterin Einkauf", "CTO", "Geschäftsführer"][j]
                if a["key"]
                else RNG.choice(["Einkäufer", "Procurement Manager", "Werkleiter", "Buyer"])
            )
            contacts.append(
                (
                    len(contacts),
                    a["n"],
                    FIRST[(a["n"] + j) % 30],
                    LAST[(a["n"] * 7 + j) % 30],
                    title,
                )
            )
    deals = []  # (n, account, owner, stage, amount)
    stages = [
        "Prospecting",
        "Qualification",
        "Needs Analysis",
        "Value Proposition",
        "Id. Decision Makers",
        "Proposal/Price Quote",
        "Negotiation/Review",
        "Closed Won",
        "Closed Lost",
    ]
    for i in range(150):
        account = i if i < 140 else 160 + i - 140  # the last ten on prospects
        owner = ams[i % len(ams)] if account < 28 else reps[i % len(reps)]
        deals.append(
            (i, account, owner, stages[i % len(stages)], round(RNG.uniform(5, 400) * 1e3, 2))
        )
    deals.append((150, 50, None, "Negotiation/Review", 88000.0))  # its owner has been deleted
    roles = []  # (n, deal, contact, role)
    first_contact = {}
    for c in contacts:
        first_contact.setdefault(c[1], c[0])
    for d in deals[:28]:
        base = first_contact[d[1]]
        roles.append((len(roles), d[0], base + 1, "Technical Buyer"))
        roles.append(
            (len(roles), d[0], base + 2, "Economic Buyer" if d[0] % 2 else "Decision Maker")
        )
    roles.append((len(roles), 40, first_contact[40], "Other"))
    leads = []  # (n, company, status, source, owner, created)
    statuses = [
        "Open - Not Contacted",
        "Working - Contacted",
        "Closed - Not Converted",
        "Closed - Converted",
    ]
    sources = [
        "Web",
        "Phone Inquiry",
        "Partner Referral",
        "Trade Show",
        "Advertisement",
        "Employee Referral",
    ]
    for i in range(60):
        created = f"2026-{1 + i % 11:02d}-{1 + i % 27:02d}T{8 + i % 9:02d}:15:00.000+0000"
        leads.append(
            (
                i,
                f"{ROOTS[(i * 3) % 20]} {TRADES[i % 10]} Neu {FORMS[i % 5]}",
                statuses[i % 4],
                sources[i % 6],
                reps[i % len(reps)],
                created,
            )
        )
    leads[5] = (*leads[5][:3], "", *leads[5][4:])  # an empty LeadSource
    leads[9] = (*leads[9][:5], "2026-03-31T24:00:00.000+0000")  # midnight written as 24:00
    contracts = []  # (n, account, status, start, term, signer)
    for a in accounts[:30]:
        status = "Draft" if a["n"] in {4, 9} else "Activated"
        start = f"{2024 + a['n'] % 3}-{1 + a['n'] % 12:02d}-01"
        contracts.append(
            (
                len(contracts),
                a["n"],
                status,
                start,
                [12, 24, 36][a["n"] % 3],
                ams[a["n"] % len(ams)],
            )
        )
    orders = []  # (n, account, day, amount, coordinator)
    for i in range(120):
        orders.append(  # noqa: PERF401 - one order per line reads better
            (
                i,
                30 + i % 130,
                f"2026-{1 + i % 11:02d}-{1 + i % 28:02d}",
                round(RNG.uniform(1, 60) * 1e3, 2),
                kinds["coordinator"][i % 2],
            )
        )
    return {
        "people": people,
        "accounts": accounts,
        "team": team,
        "contacts": contacts,
        "deals": deals,
        "roles": roles,
        "leads": leads,
        "contracts": contracts,
        "orders": orders,
    }


# -- Salesforce: REST records with their attributes envelope, and Data Loader CSV --


def sf_id(prefix: str, n: int) -> str:
    """An 18-character Salesforce id with the object's key prefix."""
    return f"{prefix}8d000000{n:04d}AAA"


def salesforce(company: dict[str, list]) -> dict[str, list[dict]]:
    """The company as Salesforce's REST API returns it, by object name."""

    def rec(obj: str, prefix: str, n: int, **fields: object) -> dict:
        rid = sf_id(prefix, n)
        url = f"/services/data/v62.0/sobjects/{obj}/{rid}"
        return {"attributes": {"type": obj, "url": url}, "Id": rid, **fields}

    user = {p["n"]: sf_id("005", p["n"]) for p in company["people"]}
    out: dict[str, list[dict]] = {}
    out["User"] = [
        rec(
            "User",
            "005",
            p["n"],
            Name=f"{p['first']} {p['last']}",
            FirstName=p["first"],
            LastName=p["last"],
            Title=p["title"] or None,
            IsActive=p["active"],
            Email=f"{p['first'].lower()}.{p['last'].lower()}@nordwind-pumpen.example",
        )
        for p in company["people"]
    ]
    types = {
        "customer": ["Customer - Direct", "Customer - Channel"],
        "prospect": ["Prospect"],
        "partner": ["Channel Partner / Reseller", "Technology Partner"],
        "other": ["Other"],
    }
    out["Account"] = [
        rec(
            "Account",
            "001",
            a["n"],
            Name=a["name"],
            Type=types[a["kind"]][a["n"] % len(types[a["kind"]])],
            AnnualRevenue=a["revenue"],
            NumberOfEmployees=a["employees"],
            BillingCountry="Germany",
            OwnerId=user[company["team"][0][0]],
            IsDeleted=False,
        )
        for a in company["accounts"]
    ]
    out["Account"].insert(
        120, dict(out["Account"][60])
    )  # a duplicate, as overlapping query pages give
    out["AccountTeamMember"] = [
        rec(
            "AccountTeamMember",
            "01M",
            i,
            AccountId=sf_id("001", a),
            UserId=user[p],
            TeamMemberRole=role or None,
            AccountAccessLevel="Edit",
        )
        for i, (p, a, role) in enumerate(company["team"])
    ]
    out["Contact"] = [
        rec(
            "Contact",
            "003",
            n,
            AccountId=sf_id("001", a),
            FirstName=f,
            LastName=last,
            Name=f"{f} {last}",
            Title=title,
            IsDeleted=False,
        )
        for n, a, f, last, title in company["contacts"]
    ]
    out["Opportunity"] = [
        rec(
            "Opportunity",
            "006",
            n,
            Name=f"Pumpen {n}",
            AccountId=sf_id("001", a),
            OwnerId=user[o] if o is not None else sf_id("005", 9999),
            StageName=stage,
            IsClosed=stage.startswith("Closed"),
            IsWon=stage == "Closed Won",
            Amount=amount,
            CloseDate=f"2026-{1 + n % 12:02d}-15",
            IsDeleted=False,
        )
        for n, a, o, stage, amount in company["deals"]
    ]
    out["OpportunityContactRole"] = [
        rec(
            "OpportunityContactRole",
            "00K",
            n,
            OpportunityId=sf_id("006", d),
            ContactId=sf_id("003", c),
            Role=role,
            IsPrimary=n % 2 == 0,
        )
        for n, d, c, role in company["roles"]
    ]
    out["Lead"] = [
        rec(
            "Lead",
            "00Q",
            n,
            Company=company_name,
            LastName=LAST[n % 30],
            Status=status,
            LeadSource=source or None,
            IsConverted=status == "Closed - Converted",
            OwnerId=user[owner],
            CreatedDate=created,
            IsDeleted=False,
        )
        for n, company_name, status, source, owner, created in company["leads"]
    ]
    out["Contract"] = [
        rec(
            "Contract",
            "800",
            n,
            AccountId=sf_id("001", a),
            Status=status,
            StartDate=start,
            ContractTerm=term,
            CompanySignedId=user[signer],
        )
        for n, a, status, start, term, signer in company["contracts"]
    ]
    return out


def data_loader_rows(records: list[dict]) -> list[dict[str, str]]:
    """REST records as Data Loader writes them: strings, "" for null, amounts with separators."""
    rows = []
    for record in records:
        row = {}
        for key, value in record.items():
            if key == "attributes":
                continue
            if value is None:
                row[key] = ""
            elif isinstance(value, bool):
                row[key] = "true" if value else "false"
            elif isinstance(value, float):
                row[key] = f"{value:,.2f}"
            else:
                row[key] = str(value)
        rows.append(row)
    return rows


def write_salesforce(company: dict[str, list]) -> None:
    """tests/data/interop/salesforce/: records.json (REST) and one CSV per object."""
    folder = OUT / "salesforce"
    folder.mkdir(parents=True, exist_ok=True)
    records = salesforce(company)
    (folder / "records.json").write_text(json.dumps(records, indent=1, ensure_ascii=False) + "\n")
    for name, found in records.items():
        rows = data_loader_rows(found)
        with (folder / f"{name}.csv").open("w", newline="", encoding="utf-8") as f:
            writer = csv.DictWriter(f, fieldnames=list(rows[0]))
            writer.writeheader()
            writer.writerows(rows)


# -- HubSpot: CRM v3 objects, every property a string, and owners --

HUBSPOT_TEAMS = {
    "manager": ["Sales Leadership"],
    "am": ["Key Accounts"],
    "rep": ["Field Sales"],
    "coordinator": ["Sales Operations"],
    "marketing": ["Marketing"],
    "both": ["Key Accounts", "Field Sales"],
    "none": [],
    "presales": ["Pre-Sales"],
}
SOURCES = [
    "ORGANIC_SEARCH",
    "PAID_SEARCH",
    "REFERRALS",
    "OFFLINE",
    "EMAIL_MARKETING",
    "DIRECT_TRAFFIC",
]


def hs_company(n: int) -> str:
    """A HubSpot company id: a long number, as a string."""
    return str(18000000000 + n * 7)


def hubspot(company: dict[str, list]) -> dict[str, list[dict]]:
    """The company as HubSpot's CRM v3 API returns it, by object type."""
    stamp = "2025-02-03T09:30:00.000Z"

    def obj(oid: str, props: dict, links: dict | None = None) -> dict:
        found = {"id": oid, "properties": {**props, "hs_object_id": oid}, "createdAt": stamp}
        found |= {"updatedAt": "2026-11-20T16:02:11.512Z", "archived": False}
        if links:
            found["associations"] = {
                kind: {"results": [{"id": i, "type": f"{name}_to_{kind[:-1]}"} for i in ids]}
                for kind, (name, ids) in links.items()
            }
        return found

    owner = {p["n"]: str(41000 + p["n"]) for p in company["people"]}
    out: dict[str, list[dict]] = {}
    out["owners"] = [
        {
            "id": owner[p["n"]],
            "email": f"{p['first'].lower()}.{p['last'].lower()}@nordwind-pumpen.example",
            "type": "PERSON",
            "firstName": p["first"],
            "lastName": p["last"],
            "userId": 7700000 + p["n"],
            "createdAt": stamp,
            "updatedAt": stamp,
            "archived": False,
            "teams": [
                {"id": str(300 + i), "name": name, "primary": i == 0}
                for i, name in enumerate(HUBSPOT_TEAMS[p["kind"]])
            ],
        }
        for p in company["people"]
    ]
    managers = {a: p for p, a, role in company["team"] if role == "Account Manager"}
    reps = {a: p for p, a, role in company["team"] if role == "Sales Rep"}
    stages = {"customer": "customer", "partner": "other", "other": ""}
    out["companies"] = []
    for a in company["accounts"]:
        n = a["n"]
        stage = (
            stages.get(a["kind"])
            or ["lead", "marketingqualifiedlead", "salesqualifiedlead"][n % 3]
        )
        who = managers.get(n, reps.get(n))
        props = {
            "name": a["name"],
            "domain": f"{a['name'].split()[0].lower()}-{n}.example",
            "lifecyclestage": stage if a["kind"] != "other" else None,
            "annualrevenue": repr(a["revenue"]) if a["revenue"] is not None else None,
            "numberofemployees": str(a["employees"]),
            "hubspot_owner_id": owner[who] if who is not None else None,
            "hs_analytics_source": SOURCES[n % 6],
            "createdate": f"2025-{1 + n % 12:02d}-{1 + n % 28:02d}T10:00:00.000Z",
        }
        out["companies"].append(obj(hs_company(n), props))
    out["companies"][170]["properties"]["createdate"] = "2026-03-31T24:00:00Z"
    out["companies"].insert(120, json.loads(json.dumps(out["companies"][60])))  # a page overlap
    roles = {c: role for _, _, c, role in company["roles"]}
    buying = {
        "Technical Buyer": "",
        "Economic Buyer": "BUDGET_HOLDER;DECISION_MAKER",
        "Decision Maker": "DECISION_MAKER",
        "Other": "OTHER",
    }
    out["contacts"] = [
        obj(
            str(5100 + n),
            {
                "firstname": f,
                "lastname": last,
                "jobtitle": title,
                "hs_buying_role": buying.get(roles.get(n, ""), "") or None,
            },
            {"companies": ("contact", [hs_company(a)])},
        )
        for n, a, f, last, title in company["contacts"]
    ]
    hs_stages = {
        "Prospecting": "appointmentscheduled",
        "Qualification": "qualifiedtobuy",
        "Needs Analysis": "qualifiedtobuy",
        "Value Proposition": "presentationscheduled",
        "Id. Decision Makers": "decisionmakerboughtin",
        "Proposal/Price Quote": "decisionmakerboughtin",
        "Negotiation/Review": "contractsent",
        "Closed Won": "closedwon",
        "Closed Lost": "closedlost",
    }
    out["deals"] = [
        obj(
            str(9300 + n),
            {
                "dealname": f"Pumpen {n}",
                "amount": repr(amount),
                "dealstage": hs_stages[stage],
                "pipeline": "default",
                "closedate": f"2026-{1 + n % 12:02d}-15T00:00:00Z",
                "hubspot_owner_id": owner[o] if o is not None else "41999",
                "deal_currency_code": "EUR",
            },
            {"companies": ("deal", [hs_company(a)])},
        )
        for n, a, o, stage, amount in company["deals"]
    ]
    return out


# -- ERPNext: REST documents with their child tables inline --

ERP_STAGES = {"Id. Decision Makers": "Identifying Decision Makers"}


def erpnext(company: dict[str, list]) -> dict[str, list[dict]]:
    """The company as ERPNext's REST API returns its documents, by doctype."""
    people = company["people"]
    email = {
        p["n"]: f"{p['first'].lower()}.{p['last'].lower()}@nordwind-pumpen.example" for p in people
    }
    name = {p["n"]: f"{p['first']} {p['last']}" for p in people}
    managers = [p["n"] for p in people if p["kind"] == "manager"]

    def doc(doctype: str, docname: str, **fields: object) -> dict:
        meta = {
            "owner": "Administrator",
            "creation": "2025-01-10 09:12:44.123456",
            "modified": "2026-11-20 16:02:11.512301",
            "docstatus": 0,
            "idx": 0,
        }
        return {"name": docname, **meta, **fields, "doctype": doctype}

    def parent_of(p: dict) -> str:
        if p["kind"] in {"rep", "both"}:
            return name[managers[p["n"] % 2]]
        return name[managers[2]] if p["kind"] == "am" else "Sales Team"

    out: dict[str, list[dict]] = {}
    out["Sales Person"] = [
        doc(
            "Sales Person",
            "Sales Team",
            sales_person_name="Sales Team",
            parent_sales_person=None,
            is_group=1,
            enabled=1,
            employee=None,
            targets=[],
        )
    ]
    for p in people:
        targets = []
        if p["kind"] in {"rep", "both"}:
            targets = [
                {
                    "name": f"t{p['n']}{y}",
                    "parent": name[p["n"]],
                    "parentfield": "targets",
                    "parenttype": "Sales Person",
                    "idx": i + 1,
                    "item_group": "Pumps",
                    "fiscal_year": y,
                    "target_qty": 0.0,
                    "target_amount": 350000.0 + 10000 * p["n"],
                    "distribution_id": None,
                    "doctype": "Target Detail",
                }
                for i, y in enumerate(["2025", "2026"])
            ]
        out["Sales Person"].append(
            doc(
                "Sales Person",
                name[p["n"]],
                sales_person_name=name[p["n"]],
                parent_sales_person=parent_of(p),
                is_group=int(p["kind"] == "manager"),
                enabled=int(p["active"]),
                employee=f"HR-EMP-{p['n'] + 1:05d}",
                commission_rate=0.0,
                targets=targets,
            )
        )
    out["Employee"] = [
        doc(
            "Employee",
            f"HR-EMP-{p['n'] + 1:05d}",
            employee_name=name[p["n"]],
            first_name=p["first"],
            last_name=p["last"],
            designation=p["title"] or None,
            user_id=email[p["n"]],
            status="Active" if p["active"] else "Left",
            company="Nordwind Pumpen GmbH",
        )
        for p in people
    ]
    managers_of = {a: p for p, a, role in company["team"] if role == "Account Manager"}
    reps_of = {a: p for p, a, role in company["team"] if role == "Sales Rep"}
    segments = {
        12: "Small Business",
        35: "Small Business",
        48: "Small Business",
        80: "Mid-Market",
        140: "Mid-Market",
        230: "Mid-Market",
    }
    out["Customer"] = []
    for a in company["accounts"][:170]:
        n = a["n"]
        manager = managers_of.get(n)
        team = [reps_of[n]] if n in reps_of else []
        out["Customer"].append(
            doc(
                "Customer",
                a["name"],
                customer_name=a["name"],
                customer_type="Company",
                customer_group="Commercial",
                territory="Germany",
                market_segment=segments.get(a["employees"], "Enterprise") if n != 33 else None,
                disabled=int(a["kind"] != "customer"),
                default_currency="EUR",
                account_manager=email[manager] if manager is not None else None,
                sales_team=[
                    {
                        "sales_person": name[t],
                        "allocated_percentage": 100.0,
                        "doctype": "Sales Team",
                        "parentfield": "sales_team",
                    }
                    for t in team
                ],
            )
        )
    out["Customer"][12]["account_manager"] = "former.employee@nordwind-pumpen.example"
    out["Customer"].insert(90, json.loads(json.dumps(out["Customer"][45])))  # listed twice
    accounts = company["accounts"]
    out["Contact"] = [
        doc(
            "Contact",
            f"{f} {last}-{accounts[a]['name']}",
            first_name=f,
            last_name=last,
            designation=title,
            status="Passive",
            links=[
                {
                    "link_doctype": "Customer",
                    "link_name": accounts[a]["name"],
                    "doctype": "Dynamic Link",
                }
            ],
        )
        for _, a, f, last, title in company["contacts"]
    ]
    out["Opportunity"] = []
    for n, a, o, stage, amount in company["deals"]:
        status = {
            "Closed Won": "Converted",
            "Closed Lost": "Lost",
            "Proposal/Price Quote": "Quotation",
        }
        prospect = accounts[a]["kind"] != "customer"
        out["Opportunity"].append(
            doc(
                "Opportunity",
                f"CRM-OPP-2026-{n + 1:05d}",
                opportunity_from="Lead" if prospect else "Customer",
                party_name=f"CRM-LEAD-2026-{n:05d}" if prospect else accounts[a]["name"],
                status=status.get(stage, "Open"),
                sales_stage=ERP_STAGES.get(stage, stage),
                opportunity_owner=email[o]
                if o is not None
                else "former.employee@nordwind-pumpen.example",
                opportunity_amount=amount,
                currency="EUR",
                transaction_date=f"2026-{1 + n % 11:02d}-{1 + n % 28:02d}",
            )
        )
    out["Contract"] = []
    for n, a, status, start, term, _ in company["contracts"]:
        y, m, _d = (int(x) for x in start.split("-"))
        end_month = m + term - 1
        end_y, end_m = y + (end_month - 1) // 12, (end_month - 1) % 12 + 1
        last_day = [31, 29 if end_y % 4 == 0 else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][
            end_m - 1
        ]
        out["Contract"].append(
            doc(
                "Contract",
                f"CON-{n + 1:04d}",
                party_type="Customer",
                party_name=accounts[a]["name"],
                status="Active" if status == "Activated" else "Unsigned",
                is_signed=int(status == "Activated"),
                start_date=start,
                end_date=f"{end_y}-{end_m:02d}-{last_day:02d}",
            )
        )
    out["Sales Order"] = [
        doc(
            "Sales Order",
            f"SAL-ORD-2026-{n + 1:05d}",
            customer=accounts[a]["name"],
            transaction_date=day,
            delivery_date=day,
            grand_total=amount,
            currency="EUR",
            status="To Deliver and Bill",
            owner=email[coordinator],
        )
        for n, a, day, amount, coordinator in company["orders"]
    ]
    for order in out["Sales Order"]:
        order["docstatus"] = 1
    out["Sales Order"][3]["docstatus"] = 2  # cancelled
    out["Sales Order"][4]["docstatus"] = 0  # a draft
    out["Sales Order"][5]["grand_total"] = 1234.567  # three decimals: rounding changes it
    out["Fiscal Year"] = [
        doc("Fiscal Year", y, year=y, year_start_date=f"{y}-01-01", year_end_date=f"{y}-12-31")
        for y in ("2025", "2026")
    ]
    return out


# -- Odoo: read() dicts, many2one as [id, "name"], False for empty --

ODOO_TEAMS = {
    "Key Accounts": 2,
    "Field Sales": 0,
    "Sales Operations": 1,
    "Marketing": None,
    "Pre-Sales": None,
}
ODOO_MEMBERS = {
    "Key Accounts": {"am", "both"},
    "Field Sales": {"rep", "both"},
    "Sales Operations": {"coordinator"},
    "Marketing": {"marketing"},
    "Pre-Sales": {"presales"},
}
ODOO_SOURCES = [
    "Search engine",
    "Newsletter",
    "LinkedIn",
    "Facebook",
    "Lead Recall",
    "Search engine",
]


def odoo(company: dict[str, list]) -> dict[str, list[dict]]:
    """The company as Odoo's read() returns its records, by model."""
    people = company["people"]
    uid = {p["n"]: 2 + p["n"] for p in people}
    name = {p["n"]: f"{p['first']} {p['last']}" for p in people}
    managers = [p["n"] for p in people if p["kind"] == "manager"]
    accounts = company["accounts"]

    def user(n: int | None) -> list | bool:
        return [uid[n], name[n]] if n is not None else [999, "Former Employee"]

    out: dict[str, list[dict]] = {}
    out["res.users"] = [
        {
            "id": uid[p["n"]],
            "name": name[p["n"]],
            "login": f"{p['first'].lower()}.{p['last'].lower()}",
            "function": p["title"] or False,
            "active": p["active"],
            "share": False,
            "partner_id": [3000 + p["n"], name[p["n"]]],
        }
        for p in people
    ]
    out["crm.team"] = [
        {
            "id": i + 1,
            "name": team,
            "active": True,
            "user_id": user(managers[lead]) if lead is not None else False,
            "member_ids": [uid[p["n"]] for p in people if p["kind"] in ODOO_MEMBERS[team]],
        }
        for i, (team, lead) in enumerate(ODOO_TEAMS.items())
    ]
    tags = {"Small Business": 1, "Mid-Market": 2, "Enterprise": 3, "VIP": 4}
    out["res.partner.category"] = [{"id": i, "name": t, "color": i} for t, i in tags.items()]
    size = {12: 1, 35: 1, 48: 1, 80: 2, 140: 2, 230: 2}
    managers_of = {a: p for p, a, role in company["team"] if role == "Account Manager"}
    reps_of = {a: p for p, a, role in company["team"] if role == "Sales Rep"}
    out["res.partner"] = []
    for a in accounts:
        n = a["n"]
        who = managers_of.get(n, reps_of.get(n))
        category = [size.get(a["employees"], 3)] + ([4] if a["key"] else [])
        out["res.partner"].append(
            {
                "id": 100 + n,
                "name": a["name"],
                "is_company": True,
                "type": "contact",
                "customer_rank": 1 if a["kind"] == "customer" else 0,
                "parent_id": False,
                "user_id": user(who) if who is not None else False,
                "function": False,
                "category_id": category if n != 33 else [],
                "active": True,
                "country_id": [57, "Germany"],
            }
        )
    out["res.partner"][12]["user_id"] = [999, "Former Employee"]
    out["res.partner"].insert(90, json.loads(json.dumps(out["res.partner"][45])))
    for n, a, f, last, title in company["contacts"]:
        out["res.partner"].append(
            {
                "id": 1000 + n,
                "name": f"{f} {last}",
                "is_company": False,
                "type": "contact",
                "customer_rank": 0,
                "parent_id": [100 + a, accounts[a]["name"]],
                "user_id": False,
                "function": title,
                "category_id": [],
                "active": True,
                "country_id": [57, "Germany"],
            }
        )
    stages = {
        "Prospecting": "New",
        "Qualification": "Qualified",
        "Needs Analysis": "Qualified",
        "Value Proposition": "Proposition",
        "Id. Decision Makers": "Proposition",
        "Proposal/Price Quote": "Proposition",
        "Negotiation/Review": "Negotiation",
        "Closed Won": "Won",
        "Closed Lost": "Qualified",
    }
    stage_ids = {"New": 1, "Qualified": 2, "Proposition": 3, "Won": 4, "Negotiation": 5}
    out["crm.lead"] = []
    for n, a, o, stage, amount in company["deals"]:
        odoo_stage = stages[stage]
        out["crm.lead"].append(
            {
                "id": 1 + n,
                "name": f"Pumpen {n}",
                "type": "opportunity",
                "partner_id": [100 + a, accounts[a]["name"]],
                "partner_name": accounts[a]["name"],
                "user_id": user(o),
                "team_id": [1, "Key Accounts"] if a < 30 else [2, "Field Sales"],
                "stage_id": [stage_ids[odoo_stage], odoo_stage],
                "probability": 100.0
                if stage == "Closed Won"
                else (0.0 if stage == "Closed Lost" else 30.0),
                "expected_revenue": amount,
                "active": stage != "Closed Lost",
                "source_id": [1, "Search engine"] if accounts[a]["kind"] != "customer" else False,
                "create_date": f"2026-{1 + n % 11:02d}-{1 + n % 28:02d} 10:00:00",
                "company_currency": [125, "EUR"],
            }
        )
    for n, company_name, status, source, owner, created in company["leads"]:
        day = created[:10] + " " + created[11:19]
        src = ODOO_SOURCES[n % 6] if source else False
        out["crm.lead"].append(
            {
                "id": 500 + n,
                "name": f"Anfrage {company_name}",
                "type": "lead",
                "partner_id": False,
                "partner_name": company_name,
                "user_id": user(owner),
                "team_id": [2, "Field Sales"],
                "stage_id": False,
                "probability": 10.0,
                "expected_revenue": 0.0,
                "active": status != "Closed - Not Converted",
                "source_id": [ODOO_SOURCES.index(src) + 1, src] if src else False,
                "create_date": day,
                "company_currency": [125, "EUR"],
            }
        )
    out["sale.order"] = [
        {
            "id": 1 + n,
            "name": f"S{n + 1:05d}",
            "partner_id": [100 + a, accounts[a]["name"]],
            "date_order": f"{day} 09:30:00",
            "amount_total": amount,
            "currency_id": [125, "EUR"],
            "state": "sale",
            "user_id": user(reps_of.get(a, coordinator)),
            "team_id": [2, "Field Sales"],
        }
        for n, a, day, amount, coordinator in company["orders"]
    ]
    out["sale.order"][3]["state"] = "cancel"
    out["sale.order"][4]["state"] = "draft"
    out["sale.order"][5]["amount_total"] = 1234.567
    return out


def write_json(system: str, records: dict) -> None:
    """tests/data/interop/<system>/records.json."""
    folder = OUT / system
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "records.json").write_text(json.dumps(records, indent=1, ensure_ascii=False) + "\n")


def main() -> None:
    """Write every system's export of the one company."""
    company = draw_company()
    write_salesforce(company)
    write_json("hubspot", hubspot(company))
    write_json("erpnext", erpnext(company))
    write_json("odoo", odoo(company))


if __name__ == "__main__":
    main()
