### Claimdesk's messages in English. Every language has one file with exactly these messages
### (crates/i18n/src/catalog.rs checks it). The words fact-checkers use in each language, and which
### of them these messages use, are in docs/src/glossary/.

## Statuses (ids named by the status table, crates/model/src/status.rs)

status-asserted = Asserted
status-disputed = Disputed
status-under-investigation = Under investigation
underline-solid = solid underline
underline-double = double underline
underline-dashed = dashed underline

## Quotation marks and dates

quoted = “{ $text }”
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December
date-long = { $day } { $month } { $year }
datetime-utc = { $date }, { $time } UTC

## Claim history (a claim's timeline)

timeline-status-set = status set to { $to }
timeline-status-set-was = status set to { $to } (was { $from })
timeline-verdict-set = verdict set to “{ $to }”
timeline-verdict-set-was = verdict set to “{ $to }” (was “{ $from }”)
timeline-verdict-cleared-was = verdict cleared (was “{ $from }”)
timeline-unknown-analyst = unknown analyst

## Reports (HTML, Markdown, PDF)

report-title = Fact-check report
report-title-of = Fact-check report: { $title }
report-about = About this review
report-fact-article = Article
report-fact-article-url = Article URL
report-fact-published = Published
report-fact-source = Source
report-fact-reviewer = Reviewer
report-fact-organisation = Organisation
report-fact-report-url = Report URL
report-fact-sha256 = Article SHA-256
report-summary = Summary
report-claim-count =
    { $count ->
        [one] { $count } claim
       *[other] { $count } claims
    }
report-orphan-count = { $count } not found in the text
report-no-claims = No claims were marked.
report-column-number = #
report-column-status = Status
report-column-verdict = Verdict
report-column-claim = Claim
report-column-claimant = Claimant
report-not-found = not found in the text
report-legend = Legend
report-legend-entry = { $underline }, { $glyph } after the claim
report-legend-markdown-entry = in the HTML report: { $underline }
report-legend-note = Overlapping claims are drawn as nested highlights; the number after a highlight leads to the claim's details.
report-legend-pdf-note = Overlapping claims are drawn as stacked highlights with their underlines one under another; the number after a highlight links to the claim's details.
report-legend-markdown-note = In the article below, `⟦n✗` opens claim n and `n⟧` closes it; the glyph is the claim's status. Claims may nest or overlap.
report-article = The article, with the claims marked
report-claims-in-context = The claims in context
report-claims-orphaned = Claims not found in the article text
report-claims-orphaned-note = These claims' quotes are no longer in the article as reviewed. They are kept with the context they were marked in.
report-claim = Claim
report-claim-number = Claim { $number }
report-claim-range = Claims { $first }–{ $last }
report-claim-id = Claim id
report-position = Position
report-position-chars = characters { $start }–{ $end }
report-position-last-found = characters { $start }–{ $end } (where it was last found)
report-quote = Quote
report-in-context = In context
report-fact-verdict = Verdict
report-fact-summary = Summary
report-fact-claimant = Claimant
report-fact-claim-made = Claim made
report-fact-page = Page
report-page = p. { $page }
report-pages = pp. { $first }–{ $last }
report-fact-media-time = Time in the video
report-fact-note = Note
report-fact-marked = Marked
report-fact-last-changed = Last changed
report-sources = Sources
report-timeline = Timeline
report-why = why
report-not-a-link = not a web link, not linked: { $url }
report-accessed = accessed { $date }
report-made-with = Made with Claimdesk.
report-running-head = Claimdesk report
report-page-of = Page { $page } of { $pages }
