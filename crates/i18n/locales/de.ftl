### Die Meldungen von Claimdesk auf Deutsch. Jede Sprache hat eine Datei mit genau diesen
### Meldungen (geprüft von crates/i18n/src/catalog.rs). Glossar: docs/src/glossary/de.md.

## Status

status-asserted = Bestätigt
status-disputed = Umstritten
status-under-investigation = In Prüfung
underline-solid = durchgehend unterstrichen
underline-double = doppelt unterstrichen
underline-dashed = gestrichelt unterstrichen

## Anführungszeichen und Datum

quoted = „{ $text }“
month-1 = Januar
month-2 = Februar
month-3 = März
month-4 = April
month-5 = Mai
month-6 = Juni
month-7 = Juli
month-8 = August
month-9 = September
month-10 = Oktober
month-11 = November
month-12 = Dezember
date-long = { $day }. { $month } { $year }
datetime-utc = { $date }, { $time } UTC

## Verlauf einer Behauptung

timeline-status-set = Status auf { $to } gesetzt
timeline-status-set-was = Status auf { $to } gesetzt (vorher { $from })
timeline-verdict-set = Bewertung auf „{ $to }“ gesetzt
timeline-verdict-set-was = Bewertung auf „{ $to }“ gesetzt (vorher „{ $from }“)
timeline-verdict-cleared-was = Bewertung gelöscht (vorher „{ $from }“)
timeline-unknown-analyst = unbekannter Prüfer

## Berichte (HTML, Markdown, PDF)

report-title = Faktencheck-Bericht
report-title-of = Faktencheck-Bericht: { $title }
report-about = Über diesen Faktencheck
report-fact-article = Artikel
report-fact-article-url = URL des Artikels
report-fact-published = Veröffentlicht
report-fact-source = Quelle
report-fact-reviewer = Prüfer
report-fact-organisation = Organisation
report-fact-report-url = URL des Berichts
report-fact-sha256 = SHA-256 des Artikels
report-summary = Übersicht
report-claim-count =
    { $count ->
        [one] { $count } Behauptung
       *[other] { $count } Behauptungen
    }
report-orphan-count = { $count } nicht im Text gefunden
report-no-claims = Es wurden keine Behauptungen markiert.
report-column-number = Nr.
report-column-status = Status
report-column-verdict = Bewertung
report-column-claim = Behauptung
report-column-claimant = Urheber
report-not-found = nicht im Text gefunden
report-legend = Legende
report-legend-entry = { $underline }, { $glyph } nach der Behauptung
report-legend-markdown-entry = im HTML-Bericht: { $underline }
report-legend-note = Überlappende Behauptungen werden als verschachtelte Markierungen dargestellt; die Nummer nach einer Markierung führt zu den Details der Behauptung.
report-legend-pdf-note = Überlappende Behauptungen werden als gestapelte Markierungen dargestellt, ihre Unterstreichungen untereinander; die Nummer nach einer Markierung verlinkt auf die Details der Behauptung.
report-legend-markdown-note = Im Artikel unten öffnet `⟦n✗` die Behauptung n und `n⟧` schließt sie; das Zeichen zeigt ihren Status. Behauptungen können verschachtelt sein oder sich überlappen.
report-article = Der Artikel mit den markierten Behauptungen
report-claims-in-context = Die Behauptungen im Kontext
report-claims-orphaned = Nicht im Artikeltext gefundene Behauptungen
report-claims-orphaned-note = Die Zitate dieser Behauptungen stehen nicht mehr im geprüften Artikel. Sie bleiben mit dem Kontext erhalten, in dem sie markiert wurden.
report-claim = Behauptung
report-claim-number = Behauptung { $number }
report-claim-range = Behauptungen { $first }–{ $last }
report-claim-id = ID der Behauptung
report-position = Position
report-position-chars = Zeichen { $start }–{ $end }
report-position-last-found = Zeichen { $start }–{ $end } (wo sie zuletzt gefunden wurde)
report-quote = Zitat
report-in-context = Im Kontext
report-fact-verdict = Bewertung
report-fact-summary = Zusammenfassung
report-fact-claimant = Urheber
report-fact-claim-made = Datum der Behauptung
report-fact-page = Seite
report-page = S. { $page }
report-pages = S. { $first }–{ $last }
report-fact-media-time = Zeit im Video
report-fact-note = Notiz
report-fact-marked = Markiert
report-fact-last-changed = Zuletzt geändert
report-sources = Quellen
report-timeline = Verlauf
report-why = Begründung
report-not-a-link = kein Weblink, nicht verlinkt: { $url }
report-accessed = abgerufen am { $date }
report-made-with = Erstellt mit Claimdesk.
report-running-head = Claimdesk-Bericht
report-page-of = Seite { $page } von { $pages }
