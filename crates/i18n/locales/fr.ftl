### Les messages de Claimdesk en français. Chaque langue a un fichier avec exactement ces
### messages (vérifié par crates/i18n/src/catalog.rs). Glossaire : docs/src/glossary/fr.md.

## Statuts

status-asserted = Confirmée
status-disputed = Contestée
status-under-investigation = En cours de vérification
underline-solid = soulignement continu
underline-double = soulignement double
underline-dashed = soulignement tireté

## Guillemets et dates

quoted = « { $text } »
month-1 = janvier
month-2 = février
month-3 = mars
month-4 = avril
month-5 = mai
month-6 = juin
month-7 = juillet
month-8 = août
month-9 = septembre
month-10 = octobre
month-11 = novembre
month-12 = décembre
date-long = { $day } { $month } { $year }
datetime-utc = { $date }, { $time } UTC

## Historique de l'affirmation

timeline-status-set = statut passé à { $to }
timeline-status-set-was = statut passé à { $to } (auparavant { $from })
timeline-verdict-set = verdict fixé à « { $to } »
timeline-verdict-set-was = verdict fixé à « { $to } » (auparavant « { $from } »)
timeline-verdict-cleared-was = verdict effacé (auparavant « { $from } »)
timeline-unknown-analyst = vérificateur inconnu

## Rapports (HTML, Markdown, PDF)

report-title = Rapport de vérification
report-title-of = Rapport de vérification : { $title }
report-about = À propos de cette vérification
report-fact-article = Article
report-fact-article-url = URL de l'article
report-fact-published = Publié
report-fact-source = Source
report-fact-reviewer = Vérificateur
report-fact-organisation = Organisation
report-fact-report-url = URL du rapport
report-fact-sha256 = SHA-256 de l'article
report-summary = Synthèse
report-claim-count =
    { $count ->
        [one] { $count } affirmation
       *[other] { $count } affirmations
    }
report-orphan-count =
    { $count ->
        [one] { $count } introuvable dans le texte
       *[other] { $count } introuvables dans le texte
    }
report-no-claims = Aucune affirmation n'a été marquée.
report-column-number = N°
report-column-status = Statut
report-column-verdict = Verdict
report-column-claim = Affirmation
report-column-claimant = Auteur de l'affirmation
report-not-found = introuvable dans le texte
report-legend = Légende
report-legend-entry = { $underline }, { $glyph } après l'affirmation
report-legend-markdown-entry = dans le rapport HTML : { $underline }
report-legend-note = Les affirmations qui se chevauchent sont dessinées en surlignages imbriqués ; le numéro après un surlignage mène aux détails de l'affirmation.
report-legend-pdf-note = Les affirmations qui se chevauchent sont dessinées en surlignages superposés, leurs soulignements les uns sous les autres ; le numéro après un surlignage renvoie aux détails de l'affirmation.
report-legend-markdown-note = Dans l'article ci-dessous, `⟦n✗` ouvre l'affirmation n et `n⟧` la ferme ; le symbole indique son statut. Les affirmations peuvent s'imbriquer ou se chevaucher.
report-article = L'article, avec les affirmations marquées
report-claims-in-context = Les affirmations dans leur contexte
report-claims-orphaned = Affirmations introuvables dans le texte de l'article
report-claims-orphaned-note = Les citations de ces affirmations ne figurent plus dans l'article vérifié. Elles sont conservées avec le contexte dans lequel elles ont été marquées.
report-claim = Affirmation
report-claim-number = Affirmation { $number }
report-claim-range = Affirmations { $first }–{ $last }
report-claim-id = Identifiant de l'affirmation
report-position = Position
report-position-chars = caractères { $start }–{ $end }
report-position-last-found = caractères { $start }–{ $end } (là où elle a été trouvée pour la dernière fois)
report-quote = Citation
report-in-context = En contexte
report-fact-verdict = Verdict
report-fact-summary = Résumé
report-fact-claimant = Auteur de l'affirmation
report-fact-claim-made = Date de l'affirmation
report-fact-page = Page
report-page = p. { $page }
report-pages = p. { $first }–{ $last }
report-fact-media-time = Moment dans la vidéo
report-fact-note = Note
report-fact-marked = Marquée le
report-fact-last-changed = Dernière modification
report-sources = Sources
report-timeline = Historique
report-why = pourquoi
report-not-a-link = pas un lien web, non lié : { $url }
report-accessed = consultée le { $date }
report-made-with = Réalisé avec Claimdesk.
report-running-head = Rapport Claimdesk
report-page-of = Page { $page } sur { $pages }
