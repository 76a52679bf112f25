### c2c: the web app's own texts, in English.
### The Chinese catalogue (zh-CN/ui.ftl) has exactly the same ids.

## Frame

skip-to-content = Skip to the content
brand-tagline = city-to-city partnerships
nav-label = Main
nav-board = Board
nav-awaiting = Awaiting our city
nav-start = Start a partnership
nav-invite = Invite a colleague
signout = Sign out

## Signing in

signin-title = Sign in
signin-email = E-mail
signin-password = Password
signin-submit = Sign in
signin-hint = No account yet? Ask a colleague or your platform operator to invite you.
signin-refused = The e-mail or the password is wrong.
signin-locked = Too many failed attempts. Try again after { $until }.
signin-link-title = Sign in with your link
signin-link-text = This one-time link signs you in. It works once.
invitation-title = Accept your invitation
invitation-for = Welcome, { $name }. Choose a password to open your account.
invitation-role = Role
invitation-password = New password (at least 10 characters)
invitation-repeat = The same password again
invitation-submit = Open my account
invitation-repeat-differs = The two passwords differ.
invitation-password-short = { $count ->
    [one] A password needs at least { $count } character.
   *[other] A password needs at least { $count } characters.
}

## Failures

failure-back = Back to the board
failure-not-found-title = Not found
failure-not-found-text = This page does not exist, or your account may not see it.
failure-expired-title = This form has expired
failure-expired-text = The page was open too long, or opened in another session. Go back, reload the page and try again.
failure-forbidden-title = Not allowed
failure-forbidden-text = Your account may not do this.
failure-unavailable-title = The platform is unreachable for a moment
failure-unavailable-text = Its database does not answer; nothing was changed. Please try again in a few seconds.
failure-internal-title = Something went wrong
failure-internal-text = The request could not be completed. It has been logged; please try again in a moment.

## Board

board-title = Our partnerships
board-empty = Your city has no partnership yet.
board-no-counterpart = No counterpart yet
board-initiated-by = initiated by { $city }
board-loop-cycle = { $loop }, cycle { $cycle }
board-days-in-step = { $count ->
    [one] { $count } day in this step
   *[other] { $count } days in this step
}
badge-awaiting-us = Awaiting our city
badge-agreement-expiring = Agreement expiring
badge-delegation-unfollowed = Delegation without follow-up
badge-stalled = Stalled

## A partnership

partnership-of = Partnership of { $city }
partnership-state = { $status } · { $loop } · cycle { $cycle } · version { $version }
steps-label = The eight steps
checklist-title = Leaving { $step }: the checklist
criterion-met = met
criterion-unmet = not met
moves-title = What can be done now
moves-none = No move is possible: the partnership is closed.
move-advance-to = Advance to { $step }
move-loop-back-by = Loop back: { $loop }
move-not-ready = Not ready yet: see the checklist.
counterpart = Counterpart
assessment = Selection assessment
priorities-title = First priority areas
priorities-none = No first priority area agreed yet.
priority-joint = agreed by both cities
priority-agreed = { $city } ({ $by }, { $on })
agreements-title = Agreements
agreements-none = No agreement recorded yet.
agreement-open-ended = no end date
agreement-until = valid until { $date }
agreement-signed = Signed for { $city } by { $by } on { $on }
agreement-sign = Sign for our city
agreement-new = Record an agreement
plan-none = There is no cooperation plan yet.
plan-title = { $title } (version { $version })
plan-approved = Approved by { $city } ({ $by }, { $on })
plan-edit = Edit the plan's title and summary
activity-no-dates = no dates yet
history-title = History
timeline-where = { $step } · { $loop } · cycle { $cycle }
fix-counterpart = Choose the counterpart
fix-assessment = Assess the counterpart
fix-priorities = Agree first priority areas
fix-agreement = Record or sign an agreement
fix-plan = Write the cooperation plan
fix-activity = Add an activity
fix-activities = Complete the activities
fix-plan-approval = Approve this plan version
fix-teams = Name our team

## Awaiting a city

awaiting-signature = Sign the agreement “{ $title }”
awaiting-priority = Agree the first priority area { $area }
awaiting-plan-approval = Approve plan version { $version }
awaiting-decisions-approval = Approve the decisions (version { $version })
due-follow-up = Follow up the contact of { $on } (due { $due })
due-activity = “{ $title }” is due on { $due }
due-agreement-expiring = “{ $title }” expires on { $until }
due-progress-missing = No progress report this cycle for “{ $title }”

## Moving a partnership

move-confirm-text = The partnership will move at the version you see. If someone else changes it first, nothing happens and you will see its new state.
move-confirm = Confirm
move-reason = Reason
move-spawn-counterpart = The new partnership's counterpart
move-terminate-sure = Terminating is final. Terminate this partnership?
move-done = The partnership has moved.
move-refused-unmet = The move was refused: these exit criteria are not met.
move-unmet-title = What is still missing
move-conflict = Someone else changed this partnership since you opened the page.
move-conflict-fresh = Here is its current state. Check it, then confirm again if the move still makes sense.
cancel = Cancel

## Forms

form-save = Save
form-saved = Saved.
form-required = Fill this in.
form-not-a-date = Give a date as YYYY-MM-DD.
form-not-a-number = Give a number, e.g. 25000 or 1250.50.
form-not-a-choice = Choose one of the options.
form-not-found = Something this form refers to no longer exists; reload the page.
form-on = Date
form-by = Who, for our city
form-by-help = A person or body: “Mayor”, “City council”, “Head of international relations”.
form-one-per-line = One per line.
assessment-intro = Answer each of the guidebook's selection criteria for the chosen counterpart: met, not met, or unknown, with a note where it helps. Each of the four groups needs at least one answer that is met or not met.
assessment-note = Note
assessment-needs-counterpart = Choose the counterpart first: the assessment is of the chosen counterpart.
priority-area = Area
priority-intro = Each city agrees its first priority areas; an area counts when both cities have agreed it.
agreement-kind = Kind
agreement-title = Title
agreement-areas = Areas it covers
agreement-binding = It is legally binding
agreement-valid-until = Valid until
agreement-valid-until-help = Leave empty when it does not expire.
agreement-renewal-of = It renews
agreement-reference = Reference
agreement-text = Its text (a single clause can end a partnership: keep it)
signature-by = Signed by
signature-on = Signed on
signature-intro = Sign “{ $title }” for our city. The agreement counts once both cities have signed.
plan-field-title = Title
plan-field-summary = Summary
plan-intro = The cooperation plan holds the activities of the partnership. Changing it makes a new version, which both cities approve again.
activity-title = Title
activity-area = Area
activity-description = Description
activity-lead-city = Lead city
activity-lead-stakeholder = Lead stakeholder
activity-cities = Cities involved
activity-cities-help = None ticked means both cities.
activity-start = Start
activity-due = Due
activity-expected-results = Expected results
activity-resources = Other resources
activity-edit = Change the activity
activity-intro = An activity is complete when it has a lead city and stakeholder, a funding source, a start and a due date, and expected results.
funding-amount = Funding { $n }: amount
funding-currency = Funding { $n }: currency
funding-currency-help = An ISO 4217 code: EUR, CNY, GBP…
funding-source = Funding { $n }: source
team-name = Team name
team-members = Members
team-responsibilities = Responsibilities
team-intro = Our city's team for “{ $title }”.
approval-by = Approved by
approval-by-help = The body or person that approved it politically: “City council”, “Mayor's office”.
approval-reference = Reference of the decision
approval-intro = Approve version { $version } of the cooperation plan for our city. The plan counts as approved once both cities approve this version.

## Awaiting, starting, inviting

awaiting-nothing = Nothing awaits your city right now.
awaiting-our-side = Waiting for our side
awaiting-due = Falling due
start-at = Where does it start?
start-at-AIM = At Aim: the city sets out why and what it wants first (the city development loop)
start-at-PARTNER = At Partner: on the city's strategy and commitment in force (a new partnership)
start-counterpart = Counterpart, if already known
start-counterpart-help = Only when starting at Partner; otherwise it is chosen at Partner.
start-intro = A partnership starts at Aim, or at Partner when the city's strategy and commitment already meet Aim and Commit.
start-submit = Start the partnership
start-done = The partnership has started.
invite-name = Their name
invite-intro = Invite a colleague to work on the partnerships of { $city }. They receive a one-time link to choose a password.
invite-submit = Make the invitation link
invite-done = Send this link to { $name }: { $link } (it works once, for { $days } days).
invite-viewer = A viewer account cannot invite anyone.

## Navigation (city pages, platform)

nav-city = Our city
nav-portfolio = Portfolio
nav-platform = Platform

## The city's standing

city-version = Version
city-needs-title = Before a partnership can start at Partner
city-no-strategy = No strategy recorded yet.
city-no-commitment = No commitment recorded yet.
fix-strategy = Write the city's strategy
fix-commitment = Record the city's commitment
strategy-title = New version of the strategy
strategy-intro = The city's strategy answers why and what it wants from international partnerships. Saving makes a new version; the previous ones stay in the history.
strategy-vision = Vision
strategy-horizon = Horizon (e.g. 2035)
strategy-adopted-on = Adopted on
strategy-objectives = Long-term objectives
strategy-objective = Objective
strategy-new-objective = New objective
strategy-themes = Cooperation areas
strategy-stakeholders = Local stakeholders
strategy-stakeholders-help = The triple or quadruple helix of the city: government, academia, industry, civil society.
strategy-challenges = Challenges
strategy-opportunities = Opportunities
strategy-evidence = Evidence (studies, facts and figures)
commit-title = New version of the commitment
commit-intro = The commitment says how the city will meet its aim: who approved it, its priorities, who does what, with which resources, and who to contact.
commit-political = Political commitment
commit-political-body = Approving body or person
commit-priorities = Priorities
commit-priority = Priority { $n }
commit-priority-objective = Priority { $n }: the objective it serves
commit-roles = Stakeholders' roles
commit-role-stakeholder = Role { $n }: stakeholder
commit-role = Role { $n }: role
commit-role-responsibilities = Role { $n }: responsibilities
commit-resources = Resources
commit-resource-kind = Resource { $n }: kind
commit-resource-kind-help = Budget, staff, in kind, infrastructure…
commit-resource-description = Resource { $n }: description
commit-contact-team = Contact team
commit-external = External stakeholders
stakeholder-title = Add a local stakeholder
stakeholder-intro = A stakeholder of our city: an administration, a university, a company, an association.
stakeholder-name = Name
stakeholder-sector = Helix sector
stakeholder-involvement = Involvement

## Contacts and contact persons

contacts-title = Contacts
contacts-none = No contact recorded yet.
contact-new = Record a contact
contact-kind = Kind
contact-direction = Direction
contact-ours-political = Our political level took part
contact-ours-technical = Our technical level took part
contact-theirs-political = Their political level took part
contact-theirs-technical = Their technical level took part
contact-joint = Both cities took part (a joint activity)
contact-joint-short = joint
contact-outcome = Outcome
contact-follow-up-due = Follow-up due
contact-follow-up-due-help = A delegation without follow-up is a known failure pattern: say when it will be followed up.
contact-followed-up = followed up on { $on }
contact-follow-up-due-on = follow-up due { $due }
follow-up-title = Record the follow-up
follow-up-note = What was done
persons-title = Contact persons
person-title = Name a contact person
person-intro = Each city names its contact persons for the partnership; both cities see them. Say whether the counterpart was told of the change.
person-name = Name
person-role = Role
person-from = Contact from
person-until = Contact until
person-announced = The counterpart was told of this change
person-since = since { $from }
person-change = Change

## Delivery

progress-title = Report progress
progress-intro = Progress of “{ $title }”.
progress-summary = What was done
progress-status = The activity's status now
progress-percent = Percent complete
progress-reason = Reason (required to cancel)
progress-reason-help = Cancelling an activity makes a new plan version, which both cities approve again.
progress-none = No progress report yet.
risks-high = { $count ->
    [one] { $count } high risk
   *[other] { $count } high risks
}
risk-title = Record a risk
risk-intro = A risk of “{ $title }”. An open high risk needs an owner and a mitigation.
risk-description = The risk
risk-likelihood = Likelihood
risk-impact = Impact
risk-mitigation = Mitigation
risk-owner = Owner
risk-status = Status
fix-progress = Report progress
fix-risks = Give the risks an owner and a mitigation
fix-plan-revised = Revise the plan for this cycle

## Measure

kpis-none = No KPI selected yet.
kpi-target = target { $value }
kpi-no-target = no target
selection-title = Select a KPI
selection-intro = The evaluation framework: each KPI linked to an Aim objective, with a target and the cities that report it.
selection-kpi = KPI
selection-objective = The Aim objective it measures
selection-target = Target
selection-target-help = In the KPI's unit: 12, 25000 EUR, 40, 4, or a text.
selection-reporting = Cities that report it
measurement-title = Report a value
measurement-intro = { $kpi }, in { $unit }.
measurement-start = Period from
measurement-end = Period to
measurement-source = Source or method
measurement-source-help = Where the figure comes from: a statistic, a survey, a count.
measurement-supersedes = It corrects
measurement-supersedes-help = A correction supersedes one of our earlier values; nothing is overwritten.
measurement-period = Period
measurement-city = City
measurement-value = Value
measurement-superseded = superseded
value-count = Number
value-amount = Amount
value-currency = Currency
value-percent = Percent (0–100)
value-score = Score (1–5)
value-text = Text
feedback-title = Record feedback
feedback-team = Team
feedback-text = Feedback
evaluation-title = Record the evaluation
evaluation-intro = The evaluation of this cycle: strengths and challenges. Propose each adjustment with “Propose an adjustment” first, or tick “No adjustment is proposed”.
evaluation-strengths = Strengths
evaluation-challenges = Challenges
evaluation-no-adjustments = No adjustment is proposed
evaluation-of = Evaluation of { $on } (cycle { $cycle })
fix-framework = Select the KPIs
fix-measurements = Report the KPIs
fix-feedback = Record feedback
fix-evaluation = Record the evaluation

## Act and Replicate

adjustment-title = Propose an adjustment
adjustment-proposal = The adjustment proposed
adjustment-undecided = not decided yet
decision-title = Decide
decision-intro = Decide the adjustment: { $proposal }
decision-outcome = Decision
decisions-approval-title = Approve the decisions
decisions-approval-intro = Approve version { $version } of this cycle's decisions for our city. They count as approved once both cities approve this version.
fix-decisions = Decide every adjustment
fix-decisions-approval = Approve the decisions
lesson-title = Record a lesson
lesson-kind = Kind
lesson-text = The lesson
ex-post-title = Record an ex-post evaluation
ex-post-intro = For each objective of the strategy: what was foreseen, what was achieved, and the gap.
ex-post-objective = Objective
ex-post-foreseen = Foreseen
ex-post-achieved = Achieved
ex-post-gap = Gap
ex-post-line = Foreseen: { $foreseen } · Achieved: { $achieved } · Gap: { $gap }
fix-lessons = Record a success factor
fix-ex-post = Record the ex-post evaluation

## Portfolio

portfolio-title = Our portfolio
portfolio-where = Where it stands
portfolio-status = Status
portfolio-health = Needs attention
portfolio-healthy = nothing
portfolio-at = { $step } · { $loop } · cycle { $cycle }
portfolio-lessons = Lessons and success factors across our partnerships
portfolio-no-lessons = No lesson recorded yet.
portfolio-suggestions = Partner suggestions
portfolio-suggestions-help = Cities ranked for our strategy. The score adds shared cooperation areas (40 points), a city looking for a partner (20), existing relations (20) and a prior assessment (20).
suggestion-score = { $score } points
suggestion-shared = { $points } of 40 points for shared areas: { $areas }
suggestion-looking = { $points } of 20 points: looking for a partner
suggestion-relations = { $points } of 20 points: existing relations
suggestion-assessment = { $points } of 20 points: a prior assessment
suggestion-start = Start a partnership with this city
