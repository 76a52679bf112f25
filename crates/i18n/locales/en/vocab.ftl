### c2c: the closed vocabularies of the domain, in English.
### Message ids are <vocabulary>-<CODE>, with CODE exactly as the code serialises it.
### The Chinese catalogue (zh-CN/vocab.ftl) has exactly the same ids.

## Steps of the narrative (Step)

step-AIM = Aim
step-COMMIT = Commit
step-PARTNER = Partner
step-PLAN = Plan
step-DO = Do
step-MEASURE = Measure
step-ACT = Act
step-REPLICATE = Replicate

## The question each step answers

step-question-AIM = Why and what does the city want from international partnerships?
step-question-COMMIT = How will the city meet the aim, with what, who does what?
step-question-PARTNER = With whom, and on what first?
step-question-PLAN = Which activities, funded how, by when?
step-question-DO = Are the activities being delivered?
step-question-MEASURE = Is the partnership delivering?
step-question-ACT = What do we change?
step-question-REPLICATE = What can be reused, here and elsewhere?

## Loops (work paths)

loop-NEW_PARTNERSHIP = New partnership
loop-CONTINUAL_IMPROVEMENT = Continual improvement
# The triple helix (government, academia, industry) or quadruple helix (plus civil society) of local stakeholders.
loop-LOCAL_HELIX_BUILDING = Local helix building
loop-CITY_DEVELOPMENT = City development

## What each loop means

loop-meaning-NEW_PARTNERSHIP = The city reuses its standing aim and commitment and the lessons of a finished partnership to start another, with a new counterpart.
loop-meaning-CONTINUAL_IMPROVEMENT = The plan is revised (a new plan version), e.g. yearly action plans or an MoU renewed every three years.
loop-meaning-LOCAL_HELIX_BUILDING = The city re-commits its local triple/quadruple helix (roles, resources, teams); the agreement with the partner stays in force.
loop-meaning-CITY_DEVELOPMENT = The city revisits its whole strategy, usually after a change of political leadership.

## Where a loop re-enters (Reentry)

reentry-SAME_PARTNERSHIP = Same partnership, next cycle
reentry-NEW_PARTNERSHIP = A new partnership

## Partnership status

status-ACTIVE = Active
status-SUSPENDED = Suspended
status-CONCLUDED = Concluded
status-TERMINATED = Terminated

## Moves (MoveKind)

move-START = Start
move-ADVANCE = Advance
# Close the current loop and re-enter it in a new cycle.
move-LOOP_BACK = Loop back
# Start a new partnership of the same city from Replicate.
move-SPAWN = Spawn a new partnership
move-SUSPEND = Suspend
move-RESUME = Resume
move-CONCLUDE = Conclude
move-TERMINATE = Terminate

## Exit criteria: Aim (title for a checklist line, then the rule)

criterion-AIM_VISION = Vision stated
criterion-rule-AIM_VISION = The city's strategy has a vision text.
criterion-AIM_OBJECTIVE = Long-term objective set
criterion-rule-AIM_OBJECTIVE = The strategy sets at least one long-term objective.
criterion-AIM_THEME = Cooperation area chosen
criterion-rule-AIM_THEME = The strategy names at least one cooperation area.
criterion-AIM_STAKEHOLDER = Local stakeholder identified
criterion-rule-AIM_STAKEHOLDER = The strategy identifies at least one local stakeholder (government, academia, industry or civil society).
criterion-AIM_RENEWED = Strategy renewed this cycle
criterion-rule-AIM_RENEWED = From cycle 2 on, a strategy version has been recorded in the current cycle.

## Exit criteria: Commit

criterion-COMMIT_POLITICAL = Political commitment recorded
criterion-rule-COMMIT_POLITICAL = A political commitment is recorded, with the approving body or person, the date and a reference.
criterion-COMMIT_PRIORITY = Priorities linked to objectives
criterion-rule-COMMIT_PRIORITY = The commitment sets at least one priority, each linked to an Aim objective.
criterion-COMMIT_ROLES = Stakeholder roles assigned
criterion-rule-COMMIT_ROLES = At least one stakeholder has a role and responsibilities.
criterion-COMMIT_RESOURCES = Resources and contact team named
criterion-rule-COMMIT_RESOURCES = At least one resource (budget, staff, in kind, infrastructure …) is committed and a contact team is named.
criterion-COMMIT_RENEWED = Commitment renewed this cycle
criterion-rule-COMMIT_RENEWED = From cycle 2 on, a commitment version has been recorded in the current cycle.

## Exit criteria: Partner

criterion-PARTNER_COUNTERPART = Counterpart city chosen
criterion-rule-PARTNER_COUNTERPART = A counterpart city, different from the initiator, has been chosen.
criterion-PARTNER_ASSESSMENT = Partner selection criteria assessed
criterion-rule-PARTNER_ASSESSMENT = The chosen counterpart has been assessed against the selection criteria, with at least one item of each group answered met or not met.
criterion-PARTNER_PRIORITY = First priority area agreed
criterion-rule-PARTNER_PRIORITY = Both cities have agreed at least one first priority area.
criterion-PARTNER_AGREEMENT = Framework agreement signed
criterion-rule-PARTNER_AGREEMENT = A framework agreement (MoU or similar) is signed by both cities and in force on the date of the move, or a signed joint project agreement names an agreed first priority area.

## Exit criteria: Plan

criterion-PLAN_ACTIVITY = Plan has an activity
criterion-rule-PLAN_ACTIVITY = There is a cooperation plan with at least one activity.
criterion-PLAN_ACTIVITY_COMPLETE = Every activity fully specified
criterion-rule-PLAN_ACTIVITY_COMPLETE = Every activity has a lead (city and stakeholder), a funding source, a start and due date (start on or before due), and expected results.
criterion-PLAN_APPROVED = Plan approved by both cities
criterion-rule-PLAN_APPROVED = The plan version is politically approved by both cities.
criterion-PLAN_REVISED = Plan revised this cycle
criterion-rule-PLAN_REVISED = From cycle 2 on, the approved plan version was created in the current cycle.

## Exit criteria: Do

criterion-DO_TEAMS = Teams from each city in place
criterion-rule-DO_TEAMS = Every activity under way (in progress, or planned to start on or before the date of the move) has a team from each city involved.
criterion-DO_PROGRESS = Progress reported this cycle
criterion-rule-DO_PROGRESS = Every activity under way has a progress report in the current cycle.
criterion-DO_DELIVERED = Activity delivered this cycle
criterion-rule-DO_DELIVERED = At least one activity was completed or reported with progress (not a cancellation) in the current cycle.
criterion-DO_RISKS_OWNED = High risks owned and mitigated
criterion-rule-DO_RISKS_OWNED = Every open high risk has an owner and a mitigation.

## Exit criteria: Measure

criterion-MEASURE_FRAMEWORK = Evaluation framework set up
criterion-rule-MEASURE_FRAMEWORK = An evaluation framework selects at least one KPI, each linked to an Aim objective, with a target and the city that reports it.
criterion-MEASURE_KPI_CAPTURED = KPIs measured this cycle
criterion-rule-MEASURE_KPI_CAPTURED = Every selected KPI has a measurement in the current cycle from each reporting city.
criterion-MEASURE_FEEDBACK = Team feedback collected
criterion-rule-MEASURE_FEEDBACK = The teams have given at least one feedback entry in the current cycle.
criterion-MEASURE_EVALUATION = Cycle evaluated
criterion-rule-MEASURE_EVALUATION = An evaluation of the current cycle records strengths, challenges and proposed adjustments (an explicit “none” counts).

## Exit criteria: Act

criterion-ACT_DECIDED = All adjustments decided
criterion-rule-ACT_DECIDED = Every proposed adjustment is approved or rejected.
criterion-ACT_APPROVED = Decisions approved by both cities
criterion-rule-ACT_APPROVED = The set of decisions is politically approved by both cities.

## Exit criteria: Replicate

criterion-REPLICATE_LESSONS = Success factor recorded
criterion-rule-REPLICATE_LESSONS = At least one success factor is recorded in the current cycle.
criterion-REPLICATE_EXPOST = Ex-post evaluation done
criterion-rule-REPLICATE_EXPOST = An ex-post evaluation covers every Aim objective: what was foreseen, what was achieved, and the gap.

## Exit criteria of every forward move and loop-back from Partner on

criterion-AGREEMENT_IN_FORCE = Agreement in force
criterion-rule-AGREEMENT_IN_FORCE = An agreement signed by both cities is in force on the date of the move (a renewal carries it over).

## Cooperation areas (Area)

area-ECONOMY_TRADE = Economy and trade
area-INVESTMENT = Investment
area-INNOVATION = Science, technology and innovation
area-CREATIVE_INDUSTRIES = Creative industries
area-EDUCATION_RESEARCH = Education and research
area-HEALTH_LIFE_SCIENCES = Health and life sciences
area-ENERGY = Energy
area-ENVIRONMENT_CLIMATE = Environment and climate
area-TRANSPORT_LOGISTICS = Transport and logistics
area-URBAN_DEVELOPMENT = Sustainable urban development
area-SMART_CITY = Smart city
area-CULTURE = Culture
area-SPORT = Sport
area-TOURISM = Tourism
# Civil society, youth and people-to-people exchanges.
area-CIVIL_SOCIETY_YOUTH = Civil society and youth
area-GOVERNANCE = Governance and public administration
area-AGRICULTURE_FOOD = Agriculture and food

## Level of a local or regional authority (CityLevel)

city-level-CITY = City
# A district of a city (Mitte in Berlin).
city-level-DISTRICT = District
# A metropolitan area or city region (Leeds City Region).
city-level-METROPOLITAN_AREA = Metropolitan area
# A European region such as Łódzkie or Castile and León.
city-level-REGION = Region
city-level-PROVINCE = Province

## Helix sector of a stakeholder (HelixSector)

helix-GOVERNMENT = Government
helix-ACADEMIA = Academia
helix-INDUSTRY = Industry
# The fourth helix: citizens and their organisations.
helix-CIVIL_SOCIETY = Civil society

## How a stakeholder is involved (Involvement)

# Pushes the cooperation forward.
involvement-PROMOTER = Promoter
# Brings money.
involvement-INVESTOR = Investor
# Delivers activities and projects.
involvement-DELIVERER = Deliverer
# Uses the results.
involvement-CONSUMER = Consumer
# Outside the city: a national body, another city, an organisation.
involvement-EXTERNAL = External

## Kinds of agreement (AgreementKind)

agreement-kind-MOU = Memorandum of understanding (MoU)
agreement-kind-LETTER_OF_INTENT = Letter of intent
# A formal twinning agreement. Distinct from FRIENDSHIP_CITY.
agreement-kind-SISTER_CITY = Sister-city agreement
# A friendship-city agreement. Distinct from SISTER_CITY.
agreement-kind-FRIENDSHIP_CITY = Friendship-city agreement
agreement-kind-FRAMEWORK = Framework agreement
agreement-kind-STRATEGIC = Strategic partnership agreement
agreement-kind-PROJECT_AGREEMENT = Joint project agreement

## Kinds of contact (ContactKind)

contact-kind-MEETING = Meeting
contact-kind-DELEGATION = Delegation
contact-kind-VISIT = Visit
# A phone or video call.
contact-kind-CALL = Call
# A forum, fair or festival.
contact-kind-EVENT = Event

## Direction of a contact, from the recording city's point of view (ContactDirection)

# The recording city went to the partner.
contact-direction-OUTBOUND = Outbound
# The partner came to the recording city.
contact-direction-INBOUND = Inbound

## Status of an activity (ActivityStatus)

activity-status-PLANNED = Planned
activity-status-IN_PROGRESS = In progress
activity-status-COMPLETED = Completed
activity-status-CANCELLED = Cancelled

## Likelihood or impact of a risk (Level)

level-LOW = Low
level-MEDIUM = Medium
level-HIGH = High

## Status of a risk (RiskStatus)

# Still a threat.
risk-status-OPEN = Open
risk-status-MITIGATED = Mitigated
# No longer relevant.
risk-status-CLOSED = Closed

## Partner selection criteria (the guidebook's Figure 9, SelectionCriterion)

selection-REPRESENTS_CITY = The organisation is the city itself or officially or sufficiently represents the city's interests
selection-WORKS_WITH_HELIX = The city works closely with triple helix stakeholders for joint projects
selection-CRITICAL_MASS = The city's triple helix ecosystem has the critical mass (alone or through collaborations) to achieve and push for the desired aims and objectives
selection-INTERNATIONAL_STRATEGY = The city has formulated an international cooperation strategy that includes EU–China
selection-HISTORICAL_BASIS = There is a historical basis for urban development cooperation between the two cities (e.g. an existing twin-city status)
selection-MOU_SIGNED_OR_INTENDED = The two cities (or the organisations based in them) have signed, or intend to sign, an MoU or other commitment for cooperation in specific areas
selection-SHARED_AIMS = Both cities and their triple helix ecosystems share common aims and objectives in specific areas of sustainable urban development
selection-SHARED_AGENDA = These aims and objectives are part of the research and innovation agenda that URBAN-EU-CHINA is developing
selection-REFERENCE_FOR_LEARNING = At least one of the two cities can be used for reference and learning in sustainable urban development
selection-PEER_TO_PEER = Both cities are available to participate in peer-to-peer activities
selection-WISHES_TO_HOST = At least one of the two cities wishes to host a joint project related to sustainable urban development
selection-PLATFORM_INTEREST = The city (organisation) is interested in joining the URBAN-EU-CHINA platform

## Groups of selection criteria (CriterionGroup)

selection-group-POTENTIAL = Potential
selection-group-OPPORTUNITY = Opportunity
selection-group-SIMILARITY = Similarity and commonality
selection-group-WILLINGNESS = Willingness

## Answer to a selection criterion (Answer)

answer-MET = Met
answer-NOT_MET = Not met
answer-UNKNOWN = Unknown

## What a political approval approves (ApprovalSubject)

# A version of the cooperation plan.
approval-subject-PLAN = Cooperation plan
# A version of the set of Act decisions of a cycle.
approval-subject-DECISIONS = Act decisions

## Outcome of a decision on an adjustment (Outcome)

outcome-APPROVED = Approved
outcome-REJECTED = Rejected

## Kinds of lesson (LessonKind)

lesson-kind-SUCCESS_FACTOR = Success factor
lesson-kind-FAILURE_FACTOR = Failure factor
lesson-kind-KNOWLEDGE_TRANSFER = Knowledge transfer
# Participation in a platform or network.
lesson-kind-PLATFORM_PARTICIPATION = Platform participation

## Units of a KPI (Unit)

unit-COUNT = Count
unit-MONEY = Money
unit-PERCENT = Percent
unit-SCORE_1_5 = Score (1–5)
unit-TEXT = Text

## Which way a KPI should move (Direction)

direction-HIGHER_IS_BETTER = Higher is better
direction-LOWER_IS_BETTER = Lower is better
# Neither: a text or a context figure.
direction-NONE = No direction

## KPI catalogue (the guidebook's Table 5)

kpi-HIGH_LEVEL_VISITS = High-level visits or delegations received
kpi-PARTNER_EVENT_PARTICIPATION = Participation of the partner city in key events in our city
kpi-DIRECT_CONNECTIONS = Direct flights, shipping routes, rail links between the cities
kpi-JOINT_PROJECTS = Number, volume or value of joint projects
kpi-FDI_INBOUND = Foreign direct investment into our city
kpi-INVESTMENT_OUTBOUND = Investment from our city into the partner city
kpi-TRADE_VOLUME = Trade between the two cities, regions or countries
kpi-COMPANIES_OUTBOUND = Companies from our city starting business in the partner city
kpi-COMPANIES_INBOUND = Companies from the partner city starting business in our city
kpi-VISITORS = Foreign visitors and tourists attracted
kpi-NONCOMMERCIAL_EXCHANGES = Exchanges between non-commercial organisations (sport, culture, youth, education)
kpi-ACADEMIC_ACTIVITIES = Joint programmes, degrees, staff and student exchanges
kpi-FOREIGN_STUDENTS = Foreign students attracted
kpi-JOINT_SCIENTIFIC_OUTPUT = Joint publications, patents, value of joint research
kpi-PARTNERSHIP_QUALITY = Quality of the partnership and of its values
kpi-NEW_KNOWLEDGE = New knowledge acquired through the partnership
kpi-REPUTATION = Reputation of our city in the partner city or country
kpi-PUBLICITY = Publicity that the partnership's activities obtain

## KPI categories (as stored)

kpi-category-POLITICAL = Political
kpi-category-CONNECTIVITY = Connectivity
kpi-category-COOPERATION = Cooperation
kpi-category-ECONOMIC = Economic
kpi-category-PEOPLE = People-to-people
kpi-category-ACADEMIC = Academic
kpi-category-QUALITATIVE = Qualitative

## Events of a partnership's history (Change)

event-STARTED = Partnership started
event-ADVANCED = Advanced to the next step
event-LOOPED_BACK = Looped back: a new cycle began
event-SPAWNED = New partnership spawned
event-SUSPENDED = Partnership suspended
event-RESUMED = Partnership resumed
event-CONCLUDED = Partnership concluded
event-TERMINATED = Partnership terminated
event-COUNTERPART_CHOSEN = Counterpart city chosen
event-ASSESSMENT_RECORDED = Selection assessment recorded
# A meeting, delegation, visit, call or event.
event-CONTACT_RECORDED = Contact recorded
# A contact person of a city (key contacts that change).
event-CONTACT_PERSON_RECORDED = Contact person recorded
event-FOLLOW_UP_RECORDED = Follow-up recorded
event-AGREEMENT_RECORDED = Agreement recorded
# One city's signature.
event-AGREEMENT_SIGNED = Agreement signed
# One city's agreement to a first priority area.
event-PRIORITY_AGREED = First priority area agreed
event-PLAN_RECORDED = Cooperation plan recorded
event-ACTIVITY_RECORDED = Activity recorded
event-TEAM_RECORDED = Team recorded
event-PROGRESS_REPORTED = Progress reported
event-RISK_RECORDED = Risk recorded
event-KPI_SELECTED = KPI selected
event-MEASUREMENT_RECORDED = Measurement recorded
event-FEEDBACK_RECORDED = Feedback recorded
event-EVALUATION_RECORDED = Evaluation recorded
event-ADJUSTMENT_PROPOSED = Adjustment proposed
event-ADJUSTMENT_DECIDED = Adjustment decided
# One city's political approval of a plan version or a decision set.
event-APPROVED = Political approval recorded
event-LESSON_RECORDED = Lesson recorded
event-EX_POST_RECORDED = Ex-post evaluation recorded

## Events of a city's own history (CityChange)

event-STRATEGY_RECORDED = New strategy version recorded
event-COMMITMENT_RECORDED = New commitment version recorded

## Account roles (Role)

# Administers cities, accounts and the KPI catalogue; reads everything.
role-OPERATOR = Platform operator
role-EDITOR = Editor
role-VIEWER = Viewer
