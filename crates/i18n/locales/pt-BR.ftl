### As mensagens do Claimdesk em português do Brasil. Cada idioma tem um arquivo com exatamente
### estas mensagens (verificado por crates/i18n/src/catalog.rs). Glossário: docs/src/glossary/pt-BR.md.

## Status

status-asserted = Confirmada
status-disputed = Contestada
status-under-investigation = Em apuração
underline-solid = sublinhado contínuo
underline-double = sublinhado duplo
underline-dashed = sublinhado tracejado

## Aspas e datas

quoted = “{ $text }”
month-1 = janeiro
month-2 = fevereiro
month-3 = março
month-4 = abril
month-5 = maio
month-6 = junho
month-7 = julho
month-8 = agosto
month-9 = setembro
month-10 = outubro
month-11 = novembro
month-12 = dezembro
date-long = { $day } de { $month } de { $year }
datetime-utc = { $date }, { $time } UTC

## Histórico da afirmação

timeline-status-set = status alterado para { $to }
timeline-status-set-was = status alterado para { $to } (antes { $from })
timeline-verdict-set = veredito alterado para “{ $to }”
timeline-verdict-set-was = veredito alterado para “{ $to }” (antes “{ $from }”)
timeline-verdict-cleared-was = veredito apagado (antes “{ $from }”)
timeline-unknown-analyst = checador desconhecido

## Relatórios (HTML, Markdown, PDF)

report-title = Relatório de checagem
report-title-of = Relatório de checagem: { $title }
report-about = Sobre esta checagem
report-fact-article = Reportagem
report-fact-article-url = URL da reportagem
report-fact-published = Publicada
report-fact-source = Fonte
report-fact-reviewer = Checador
report-fact-organisation = Organização
report-fact-report-url = URL do relatório
report-fact-sha256 = SHA-256 da reportagem
report-summary = Resumo
report-claim-count =
    { $count ->
        [one] { $count } afirmação
       *[other] { $count } afirmações
    }
report-orphan-count =
    { $count ->
        [one] { $count } não encontrada no texto
       *[other] { $count } não encontradas no texto
    }
report-no-claims = Nenhuma afirmação foi marcada.
report-column-number = Nº
report-column-status = Status
report-column-verdict = Veredito
report-column-claim = Afirmação
report-column-claimant = Autor da afirmação
report-not-found = não encontrada no texto
report-legend = Legenda
report-legend-entry = { $underline }, { $glyph } depois da afirmação
report-legend-markdown-entry = no relatório HTML: { $underline }
report-legend-note = Afirmações que se sobrepõem aparecem como destaques aninhados; o número depois de um destaque leva aos detalhes da afirmação.
report-legend-pdf-note = Afirmações que se sobrepõem aparecem como destaques empilhados, com os sublinhados um abaixo do outro; o número depois de um destaque leva aos detalhes da afirmação.
report-legend-markdown-note = Na reportagem abaixo, `⟦n✗` abre a afirmação n e `n⟧` a fecha; o símbolo indica o status. As afirmações podem se aninhar ou se sobrepor.
report-article = A reportagem, com as afirmações marcadas
report-claims-in-context = As afirmações em contexto
report-claims-orphaned = Afirmações não encontradas no texto da reportagem
report-claims-orphaned-note = As citações destas afirmações não estão mais na reportagem checada. Elas são mantidas com o contexto em que foram marcadas.
report-claim = Afirmação
report-claim-number = Afirmação { $number }
report-claim-range = Afirmações { $first }–{ $last }
report-claim-id = ID da afirmação
report-position = Posição
report-position-chars = caracteres { $start }–{ $end }
report-position-last-found = caracteres { $start }–{ $end } (onde foi encontrada pela última vez)
report-quote = Citação
report-in-context = Em contexto
report-fact-verdict = Veredito
report-fact-summary = Resumo
report-fact-claimant = Autor da afirmação
report-fact-claim-made = Data da afirmação
report-fact-page = Página
report-page = p. { $page }
report-pages = p. { $first }–{ $last }
report-fact-media-time = Momento no vídeo
report-fact-note = Nota
report-fact-marked = Marcada em
report-fact-last-changed = Última alteração
report-sources = Fontes
report-timeline = Histórico
report-why = motivo
report-not-a-link = não é um link da web, sem link: { $url }
report-accessed = acessada em { $date }
report-made-with = Feito com o Claimdesk.
report-running-head = Relatório do Claimdesk
report-page-of = Página { $page } de { $pages }
