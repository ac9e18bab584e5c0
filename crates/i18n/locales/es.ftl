### Los mensajes de Claimdesk en español. Cada idioma tiene un archivo con exactamente estos
### mensajes (lo comprueban las pruebas de crates/i18n). Glosario: docs/src/glossary/es.md.

## Estados

status-asserted = Confirmada
status-disputed = Cuestionada
status-under-investigation = En verificación
underline-solid = subrayado continuo
underline-double = subrayado doble
underline-dashed = subrayado discontinuo

## Comillas y fechas

quoted = «{ $text }»
month-1 = enero
month-2 = febrero
month-3 = marzo
month-4 = abril
month-5 = mayo
month-6 = junio
month-7 = julio
month-8 = agosto
month-9 = septiembre
month-10 = octubre
month-11 = noviembre
month-12 = diciembre
date-long = { $day } de { $month } de { $year }
datetime-utc = { $date }, { $time } UTC

## Historial de la afirmación

timeline-status-set = estado cambiado a { $to }
timeline-status-set-was = estado cambiado a { $to } (antes { $from })
timeline-verdict-set = veredicto cambiado a «{ $to }»
timeline-verdict-set-was = veredicto cambiado a «{ $to }» (antes «{ $from }»)
timeline-verdict-cleared-was = veredicto borrado (antes «{ $from }»)
timeline-unknown-analyst = verificador desconocido

## Informes (HTML, Markdown, PDF)

report-title = Informe de verificación
report-title-of = Informe de verificación: { $title }
report-about = Sobre esta verificación
report-fact-article = Artículo
report-fact-article-url = URL del artículo
report-fact-published = Publicado
report-fact-source = Fuente
report-fact-reviewer = Verificador
report-fact-organisation = Organización
report-fact-report-url = URL del informe
report-fact-sha256 = SHA-256 del artículo
report-summary = Resumen
report-claim-count =
    { $count ->
        [one] { $count } afirmación
       *[other] { $count } afirmaciones
    }
report-orphan-count =
    { $count ->
        [one] { $count } no encontrada en el texto
       *[other] { $count } no encontradas en el texto
    }
report-no-claims = No se marcó ninguna afirmación.
report-column-number = N.º
report-column-status = Estado
report-column-verdict = Veredicto
report-column-claim = Afirmación
report-column-claimant = Autor de la afirmación
report-not-found = no encontrada en el texto
report-legend = Leyenda
report-legend-entry = { $underline }, { $glyph } tras la afirmación
report-legend-markdown-entry = en el informe HTML: { $underline }
report-legend-note = Las afirmaciones que se solapan se dibujan como resaltados anidados; el número tras un resaltado lleva a los detalles de la afirmación.
report-legend-pdf-note = Las afirmaciones que se solapan se dibujan como resaltados apilados, con sus subrayados uno debajo de otro; el número tras un resaltado enlaza con los detalles de la afirmación.
report-legend-markdown-note = En el artículo, `⟦n✗` abre la afirmación n y `n⟧` la cierra; el símbolo indica su estado. Las afirmaciones pueden anidarse o solaparse.
report-article = El artículo, con las afirmaciones marcadas
report-claims-in-context = Las afirmaciones en contexto
report-claims-orphaned = Afirmaciones no encontradas en el texto del artículo
report-claims-orphaned-note = Las citas de estas afirmaciones ya no están en el artículo verificado. Se conservan con el contexto en el que se marcaron.
report-claim = Afirmación
report-claim-number = Afirmación { $number }
report-claim-range = Afirmaciones { $first }–{ $last }
report-claim-id = Id. de la afirmación
report-position = Posición
report-position-chars = caracteres { $start }–{ $end }
report-position-last-found = caracteres { $start }–{ $end } (donde se encontró por última vez)
report-quote = Cita
report-in-context = En contexto
report-fact-verdict = Veredicto
report-fact-summary = Resumen
report-fact-claimant = Autor de la afirmación
report-fact-claim-made = Fecha de la afirmación
report-fact-page = Página
report-page = p. { $page }
report-pages = pp. { $first }–{ $last }
report-fact-media-time = Momento en el vídeo
report-fact-note = Nota
report-fact-marked = Marcada
report-fact-last-changed = Último cambio
report-sources = Fuentes
report-timeline = Historial
report-why = motivo
report-not-a-link = no es un enlace web, sin enlazar: { $url }
report-accessed = consultada el { $date }
report-made-with = Hecho con Claimdesk.
report-running-head = Informe de Claimdesk
report-page-of = Página { $page } de { $pages }
