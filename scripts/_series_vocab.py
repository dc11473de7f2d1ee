"""The words a synthetic board series is written with: names, posts, topics, tasks and log vocabulary.

Data only, kept apart from the code that draws from it, so the series can be
made richer by editing lists. Every name is invented from two small lists;
no real person is named. Organisations are invented around the body's place
name (``{place}``), so nothing points at a real council.

A task is written four ways, which is what makes action tracking hard:
``minutes`` (the infinitive a minute-taker writes after "agreed to"),
``log`` (the shorter paraphrases an action log uses, reworded and reordered),
``done`` (the clause a later minute uses: "{full} had been circulated")
and ``canonical`` (the ground-truth wording). ``{full}``/``{short}`` are the
object in long and short form, ``{org}``/``{org_short}`` a partner body.
"""

from __future__ import annotations

PLACES = ("Riverside", "Eastbrook", "Northvale", "Wyford", "Ashcombe", "Kingsmere")
BODY_FORMS = ("{place} Community Safety Partnership Board", "Safer {place} Partnership Board")
VENUES = ("Committee Room 1, {place} Town Hall", "Council Chamber, {place} Civic Centre", "Room 2.04, {place} House")

FEMALE_FIRST = (
    "Amara", "Bethan", "Carys", "Delia", "Elspeth", "Fenella", "Greer", "Harriet", "Imogen", "Jocasta",
    "Kirsty", "Lorna", "Maren", "Nerys", "Orla", "Priya", "Rosalind", "Saskia", "Tamsin", "Una",
    "Verity", "Yasmin", "Zara", "Anwen", "Briony", "Celia", "Dilys", "Esme", "Flora", "Ngozi",
)
MALE_FIRST = (
    "Alistair", "Bram", "Crispin", "Dermot", "Emlyn", "Fergus", "Gideon", "Hamish", "Idris", "Jasper",
    "Kieran", "Lachlan", "Magnus", "Niall", "Osian", "Piers", "Quentin", "Rhodri", "Tobias", "Umar",
    "Vikram", "Wendell", "Yusuf", "Barnaby", "Cormac", "Dominic", "Ewan", "Florian", "Kwame", "Tariq",
)
SURNAMES = (
    "Ashdown", "Blackwood", "Carrow", "Dunmore", "Ellery", "Fairbairn", "Garside", "Holloway", "Ingram",
    "Jessop", "Kettley", "Lindqvist", "Marchbank", "Nethercott", "Okonedo", "Pendry", "Quarrie", "Rathbone",
    "Saltmarsh", "Thorne", "Underhill", "Varga", "Whitlock", "Yardley", "Abernethy", "Brightwell",
    "Cheverton", "Drummond", "Eastaugh", "Featherstone", "Goodall", "Hartigan", "Iqbal", "Jarvis-Lowe",
    "Kowalczyk", "Latimer", "Nakagawa", "Okafor", "Penhaligon", "Rasmussen", "Sandhu", "Treloar", "Venn",
    "Wakeford", "O'Rourke", "Mbatha",
)

# Honorifics as the attendance list writes them, and the short forms minutes and logs use.
HONORIFIC_SHORT = {
    "Councillor": "Cllr",
    "Superintendent": "Supt",
    "Chief Superintendent": "Ch Supt",
    "Chief Inspector": "CI",
    "Dr": "Dr",
}

# A seat on the board: who holds it (member or officer "in attendance"), the organisation,
# and the ladder of posts a holder can rise through (honorific, role). A newcomer starts on
# one of the first two rungs; a role change moves a holder one rung up.
SEATS = (
    {"id": "chair", "status": "member", "org": "{place} Council", "ladder": [("Councillor", "Chairman")]},
    {"id": "vice", "status": "member", "org": "{place} Council", "ladder": [("Councillor", "Vice-Chairman")]},
    {"id": "opposition", "status": "member", "org": "{place} Council",
     "ladder": [("Councillor", "Opposition Spokesperson for Community Safety")]},
    {"id": "police", "status": "member", "org": "{place} Police",
     "ladder": [("Chief Inspector", "Neighbourhood Policing Lead"), ("Superintendent", "Deputy Borough Commander"),
                ("Superintendent", "Acting Borough Commander"), ("Chief Superintendent", "Borough Commander")]},
    {"id": "communities", "status": "member", "org": "{place} Council",
     "ladder": [(None, "Head of Community Safety"), (None, "Assistant Director, Community Safety"),
                (None, "Director of Communities")]},
    {"id": "health", "status": "member", "org": "{place} Public Health",
     "ladder": [("Dr", "Consultant in Public Health"), ("Dr", "Deputy Director of Public Health"),
                ("Dr", "Director of Public Health")]},
    {"id": "probation", "status": "member", "org": "Probation Service",
     "ladder": [(None, "Senior Probation Officer"), (None, "Head of the Probation Delivery Unit")]},
    {"id": "fire", "status": "member", "org": "{place} Fire and Rescue Service",
     "ladder": [(None, "Station Manager"), (None, "Borough Commander")]},
    {"id": "victims", "status": "member", "org": "Victim Support",
     "ladder": [(None, "Area Manager"), (None, "Head of Service")]},
    {"id": "housing", "status": "member", "org": "{place} Homes",
     "ladder": [(None, "Head of Tenancy Services"), (None, "Director of Housing Management")]},
    {"id": "youth", "status": "member", "org": "{place} Youth Justice Service",
     "ladder": [(None, "Youth Justice Service Manager"), (None, "Head of Youth Justice")]},
    {"id": "cs_manager", "status": "officer", "org": "{place} Council",
     "ladder": [(None, "Community Safety Manager"), (None, "Senior Community Safety Manager")]},
    {"id": "analyst", "status": "officer", "org": "{place} Council",
     "ladder": [(None, "Community Safety Analyst"), (None, "Senior Analyst")]},
    {"id": "prevent", "status": "officer", "org": "{place} Council", "ladder": [(None, "Prevent Coordinator")]},
    {"id": "asb", "status": "officer", "org": "{place} Council",
     "ladder": [(None, "ASB Coordinator"), (None, "ASB Team Leader")]},
    {"id": "governance", "status": "officer", "org": "{place} Council", "ladder": [(None, "Governance Officer")]},
)

# Teams own actions too. ``initials`` is what an initials-style log writes (explained in its key).
TEAMS = (
    {"name": "Community Safety Team", "variants": ["Community Safety Team", "CST", "Community Safety"],
     "prose": "the Community Safety Team", "initials": "CST"},
    {"name": "Youth Justice Service", "variants": ["Youth Justice Service", "YJS", "Youth Justice"],
     "prose": "the Youth Justice Service", "initials": "YJS"},
    {"name": "Public Health Team", "variants": ["Public Health Team", "Public Health", "PH"],
     "prose": "the Public Health Team", "initials": "PH"},
    {"name": "Governance Service", "variants": ["Governance Service", "Governance", "Democratic Services"],
     "prose": "the Governance Service", "initials": "GS"},
    {"name": "All Board members", "variants": ["All Board members", "All members", "All partners"],
     "prose": "all Board members", "initials": "ALL"},
)

# Outside bodies a task may name (written to, shared with, met).
PARTNERS = (
    ("the Police and Crime Commissioner's office", "PCC office"),
    ("the Home Office", "Home Office"),
    ("{place} Police", "Police"),
    ("the Probation Service", "Probation"),
    ("Victim Support", "Victim Support"),
    ("{place} Homes", "{place} Homes"),
    ("the local schools' safeguarding leads", "schools"),
    ("the Business Improvement District", "BID"),
)

# Agenda topics, each with documents (things sent round) and subjects (things reported on).
TOPICS = (
    {"title": "Anti-social Behaviour Update",
     "docs": [("the latest anti-social behaviour figures for each ward", "ASB figures by ward"),
              ("the revised ASB case review guidance", "ASB case review guidance")],
     "subjects": [("the community trigger process", "community trigger"),
                  ("the rise in youth anti-social behaviour in the town centre", "town centre youth ASB")]},
    {"title": "Hate Crime Reporting",
     "docs": [("the quarterly hate crime dashboard", "hate crime dashboard"),
              ("the list of third party reporting centres", "third party reporting centres list")],
     "subjects": [("the under-reporting of disability hate crime", "disability hate crime reporting"),
                  ("the hate crime awareness week programme", "hate crime awareness week")]},
    {"title": "Serious Violence Duty",
     "docs": [("the draft serious violence strategic needs assessment", "serious violence needs assessment"),
              ("the knife crime action plan", "knife crime plan")],
     "subjects": [("the weapons sweeps carried out in parks", "weapons sweeps"),
                  ("the funding allocation under the Serious Violence Duty", "SVD funding")]},
    {"title": "Domestic Abuse Strategy",
     "docs": [("the refreshed domestic abuse strategy", "DA strategy"),
              ("the findings of the domestic homicide review", "DHR findings")],
     "subjects": [("the waiting times for the domestic abuse advocacy service", "IDVA waiting times"),
                  ("the MARAC referral figures", "MARAC referrals")]},
    {"title": "Prevent Update",
     "docs": [("the Prevent training offer for partner staff", "Prevent training offer"),
              ("the counter terrorism local profile summary", "CTLP summary")],
     "subjects": [("the number of Channel referrals from schools", "Channel referrals"),
                  ("the Prevent duty self-assessment", "Prevent self-assessment")]},
    {"title": "CCTV Upgrade Programme",
     "docs": [("the CCTV camera replacement schedule", "CCTV replacement schedule"),
              ("the map of redeployable camera locations", "redeployable camera map")],
     "subjects": [("the CCTV control room staffing", "control room staffing"),
                  ("the cost of the CCTV upgrade", "CCTV upgrade costs")]},
    {"title": "Burglary Reduction",
     "docs": [("the burglary hotspot analysis", "burglary hotspot analysis"),
              ("the crime prevention leaflet for older residents", "crime prevention leaflet")],
     "subjects": [("the distraction burglary pilot in sheltered housing", "distraction burglary pilot"),
                  ("the take-up of free door locks", "door lock take-up")]},
    {"title": "Drugs and Alcohol Partnership",
     "docs": [("the combating drugs partnership action plan", "drugs partnership plan"),
              ("the treatment service performance report", "treatment performance report")],
     "subjects": [("the county lines operation in the north of the borough", "county lines operation"),
                  ("street drinking around the bus station", "street drinking")]},
    {"title": "Youth Crime Prevention",
     "docs": [("the youth justice plan", "youth justice plan"),
              ("the summer diversionary activities programme", "summer activities programme")],
     "subjects": [("the first-time entrants figures", "first-time entrants"),
                  ("the exclusions data shared by schools", "school exclusions data")]},
    {"title": "Community Safety Strategy",
     "docs": [("the draft community safety strategy", "draft strategy"),
              ("the consultation questionnaire on the strategy", "strategy questionnaire")],
     "subjects": [("the strategy consultation responses", "consultation responses"),
                  ("the performance framework for the strategy", "strategy performance framework")]},
    {"title": "Violence Against Women and Girls",
     "docs": [("the safety audit of the night-time economy", "night-time economy safety audit"),
              ("the VAWG communications campaign plan", "VAWG campaign plan")],
     "subjects": [("the safe haven scheme for licensed premises", "safe haven scheme"),
                  ("street lighting on the riverside path", "riverside path lighting")]},
    {"title": "Modern Slavery and Exploitation",
     "docs": [("the modern slavery statement", "modern slavery statement"),
              ("the exploitation screening tool", "exploitation screening tool")],
     "subjects": [("the National Referral Mechanism referrals", "NRM referrals"),
                  ("the car wash inspections", "car wash inspections")]},
    {"title": "Fly-tipping and Environmental Crime",
     "docs": [("the fly-tipping enforcement report", "fly-tipping report"),
              ("the environmental crime hotspot map", "environmental crime map")],
     "subjects": [("the fixed penalty notices issued for fly-tipping", "fly-tipping FPNs"),
                  ("the covert camera pilot", "covert camera pilot")]},
    {"title": "Victims' Services",
     "docs": [("the victims' survey results", "victims' survey results"),
              ("the victim care leaflet", "victim care leaflet")],
     "subjects": [("the referrals to the restorative justice service", "restorative justice referrals"),
                  ("the support offered to repeat victims of ASB", "repeat victim support")]},
)

# Task frames. ``kind`` says whether the object is a document ("docs") or a subject ("subjects");
# ``needs_partner`` adds {org}; ``due`` forces a deadline kind where the wording carries one.
TASKS = (
    {"key": "circulate", "kind": "docs", "canonical": "Circulate {full} to Board members",
     "minutes": ["circulate {full} to members of the Board", "circulate {full} to Board members",
                 "send {full} to all members"],
     "log": ["Circulate {short} to members", "{Short} to be circulated to Board members", "Share {short} with members",
             "To send {short} to all members"],
     "done": "{full} had been circulated", "done_short": "circulated"},
    {"key": "share", "kind": "docs", "needs_partner": True, "canonical": "Share {full} with {org}",
     "minutes": ["share {full} with {org}", "send a copy of {full} to {org}"],
     "log": ["Share {short} with {org_short}", "{Short} to be shared with {org_short}", "Send {short} to {org_short}"],
     "done": "{full} had been shared with {org}", "done_short": "shared"},
    {"key": "update", "kind": "subjects", "due": "next_meeting", "canonical": "Provide an update on {full}",
     "minutes": ["provide an update on {full}", "update the Board on {full}", "report back on {full}"],
     "log": ["Update on {short} at next meeting", "Provide update re {short}", "{Short}: update to next Board",
             "To report back on {short}"],
     "done": "the Board had been updated on {full}", "done_short": "update given"},
    {"key": "report", "kind": "subjects", "canonical": "Bring a report on {full} to a future meeting",
     "minutes": ["bring a report on {full} to a future meeting", "present a report on {full} to the Board"],
     "log": ["Report on {short} to future Board", "{Short} report to come to a future meeting",
             "Bring {short} report to Board"],
     "done": "a report on {full} had been presented", "done_short": "report presented"},
    {"key": "meet", "kind": "subjects", "needs_partner": True,
     "canonical": "Arrange a meeting with {org} to discuss {full}",
     "minutes": ["arrange a meeting with {org} to discuss {full}", "meet {org} to discuss {full}"],
     "log": ["Arrange meeting with {org_short} re {short}", "Meeting with {org_short} on {short} to be set up",
             "Set up meeting with {org_short} about {short}"],
     "done": "{full} had been discussed with {org}", "done_short": "meeting held"},
    {"key": "review", "kind": "docs", "canonical": "Review {full} and report back to the Board",
     "minutes": ["review {full} and report back to the Board", "look again at {full} and report back"],
     "log": ["Review {short} and report back", "{Short} to be reviewed", "Report back on review of {short}"],
     "done": "{full} had been reviewed", "done_short": "review completed"},
    {"key": "write", "kind": "subjects", "needs_partner": True, "canonical": "Write to {org} about {full}",
     "minutes": ["write to {org} about {full}", "write to {org} to raise concerns about {full}"],
     "log": ["Letter to {org_short} re {short}", "Write to {org_short} regarding {short}",
             "{Org_short} to be written to about {short}"],
     "done": "a letter about {full} had been sent to {org}", "done_short": "letter sent"},
    {"key": "forward_plan", "kind": "subjects", "canonical": "Add {full} to the forward plan",
     "minutes": ["add {full} to the forward plan", "schedule an item on {full} in the forward plan"],
     "log": ["{Short} to be added to forward plan", "Add {short} to forward plan", "Forward plan: include {short}"],
     "done": "{full} had been added to the forward plan", "done_short": "added to forward plan"},
    {"key": "briefing", "kind": "subjects", "canonical": "Produce a briefing note on {full} for members",
     "minutes": ["produce a briefing note on {full} for members", "prepare a short briefing on {full} for the Board"],
     "log": ["Briefing note on {short}", "Produce {short} briefing for members",
             "Members' briefing on {short} to be prepared"],
     "done": "a briefing note on {full} had been sent to members", "done_short": "briefing sent"},
)

# Log statuses per normalised status, for a plain "Status" column and for a "RAG" column.
STATUS_WORDS = {
    "plain": {
        "open": ["Open"],
        "ongoing": ["Ongoing", "In progress"],
        "carried_forward": ["Carried forward", "C/F"],
        "done": ["Complete", "Completed", "Closed", "Done"],
        "dropped": ["Dropped", "No longer required", "Withdrawn"],
    },
    "rag": {
        "open": ["Red – not started"],
        "ongoing": ["Amber – in progress"],
        "carried_forward": ["Amber – carried forward"],
        "done": ["Green – complete"],
        "dropped": ["Closed – no longer required"],
    },
}

# Column headings of an action log; one is chosen per period (a new clerk, a new template).
LOG_COLUMNS = {
    "raised": ["Date of meeting", "Meeting date", "Date raised", "Date"],
    "action": ["Action", "Action", "Action/Team", "Action required"],
    "owner": ["Owner", "Lead", "Team", "Action owner", "Responsible officer"],
    "due": ["Due", "Deadline", "Due date", "Target date"],
    "status": ["Status", "RAG", "Status"],
    "update": ["Update", "Progress", "Comments", "Progress update"],
}
LOG_TITLES = ("Action Log", "Actions Log", "Action log", "Action Log: matters arising")
ACTION_LOG_ITEMS = ("Action log", "Matters arising and action log", "Action log and matters arising")

UPDATES = {
    "open": ["Not yet started.", "Awaiting information from partners.", "To be picked up before the next meeting."],
    "ongoing": ["Work under way; update expected at the next meeting.", "Draft in preparation.",
                "Partners have been contacted; responses awaited.", "Data requested from the Police."],
    "carried_forward": ["Carried forward to the next meeting.", "Deferred to the next meeting at the owner's request.",
                        "Not discussed; carried forward."],
    "dropped": ["No longer required following the review of the strategy.", "Superseded by the new action plan.",
                "Agreed at the meeting to close; no longer relevant."],
}
DISCUSSION = (
    "Members asked about the trend over the last quarter and how it compared with neighbouring areas.",
    "The Board noted the report.",
    "Members welcomed the progress made and asked that partners continue to share data.",
    "In discussion, members raised concerns about resourcing and the timetable for delivery.",
    "The Chairman thanked officers for the report.",
    "The Board noted the update and the risks set out in the report.",
)
