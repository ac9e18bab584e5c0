### رسائل Claimdesk بالعربية. لكل لغة ملف يضم هذه الرسائل بالضبط (يتحقق من ذلك
### crates/i18n/src/catalog.rs). المسرد: docs/src/glossary/ar.md.

## الحالات

status-asserted = مؤكَّد
status-disputed = متنازَع عليه
status-under-investigation = قيد التحقق
underline-solid = خط متصل تحته
underline-double = خط مزدوج تحته
underline-dashed = خط متقطع تحته

## علامات الاقتباس والتواريخ

quoted = «{ $text }»
month-1 = يناير
month-2 = فبراير
month-3 = مارس
month-4 = أبريل
month-5 = مايو
month-6 = يونيو
month-7 = يوليو
month-8 = أغسطس
month-9 = سبتمبر
month-10 = أكتوبر
month-11 = نوفمبر
month-12 = ديسمبر
date-long = { $day } { $month } { $year }
datetime-utc = { $date }، الساعة { $time } بالتوقيت العالمي

## سجل الادعاء

timeline-status-set = غُيّرت الحالة إلى { $to }
timeline-status-set-was = غُيّرت الحالة إلى { $to } (كانت { $from })
timeline-verdict-set = غُيّر الحكم إلى «{ $to }»
timeline-verdict-set-was = غُيّر الحكم إلى «{ $to }» (كان «{ $from }»)
timeline-verdict-cleared-was = حُذف الحكم (كان «{ $from }»)
timeline-unknown-analyst = مدقق غير معروف

## التقارير (HTML وMarkdown وPDF)

report-title = تقرير التحقق
report-title-of = تقرير التحقق: { $title }
report-about = عن هذا التحقق
report-fact-article = المقال
report-fact-article-url = رابط المقال
report-fact-published = تاريخ النشر
report-fact-source = المصدر
report-fact-reviewer = المدقق
report-fact-organisation = المؤسسة
report-fact-report-url = رابط التقرير
report-fact-sha256 = بصمة SHA-256 للمقال
report-summary = الملخص
report-claim-count =
    { $count ->
        [zero] لا ادعاءات
        [one] ادعاء واحد
        [two] ادعاءان
        [few] { $count } ادعاءات
        [many] { $count } ادعاءً
       *[other] { $count } ادعاء
    }
report-orphan-count = { $count } غير موجود في النص
report-no-claims = لم يُحدَّد أي ادعاء.
report-column-number = الرقم
report-column-status = الحالة
report-column-verdict = الحكم
report-column-claim = الادعاء
report-column-claimant = قائل الادعاء
report-not-found = غير موجود في النص
report-legend = دليل الرموز
report-legend-entry = { $underline }، و{ $glyph } بعد الادعاء
report-legend-markdown-entry = في تقرير HTML: { $underline }
report-legend-note = تظهر الادعاءات المتداخلة تظليلات متداخلة؛ ويقود الرقم الذي يلي التظليل إلى تفاصيل الادعاء.
report-legend-pdf-note = تظهر الادعاءات المتداخلة تظليلات متراكبة تتوالى خطوطها السفلية واحدًا تحت الآخر؛ ويحيل الرقم الذي يلي التظليل إلى تفاصيل الادعاء.
report-legend-markdown-note = في المقال أدناه، يفتح `⟦n✗` الادعاء n ويغلقه `n⟧`؛ ويدل الرمز على حالته. قد تتداخل الادعاءات.
report-article = المقال، مع تحديد الادعاءات
report-claims-in-context = الادعاءات في سياقها
report-claims-orphaned = ادعاءات لم تُعثر عليها في نص المقال
report-claims-orphaned-note = لم تعد اقتباسات هذه الادعاءات موجودة في المقال كما دُقِّق. وهي محفوظة مع السياق الذي حُدِّدت فيه.
report-claim = الادعاء
report-claim-number = الادعاء { $number }
report-claim-range = الادعاءات { $first }–{ $last }
report-claim-id = معرّف الادعاء
report-position = الموضع
report-position-chars = المحارف { $start }–{ $end }
report-position-last-found = المحارف { $start }–{ $end } (حيث عُثر عليه آخر مرة)
report-quote = الاقتباس
report-in-context = في السياق
report-fact-verdict = الحكم
report-fact-summary = الملخص
report-fact-claimant = قائل الادعاء
report-fact-claim-made = تاريخ الادعاء
report-fact-page = الصفحة
report-page = ص { $page }
report-pages = ص { $first }–{ $last }
report-fact-media-time = التوقيت في الفيديو
report-fact-note = ملاحظة
report-fact-marked = تاريخ التحديد
report-fact-last-changed = آخر تغيير
report-sources = المصادر
report-timeline = السجل
report-why = السبب
report-not-a-link = ليس رابط ويب، لم يُربط: { $url }
report-accessed = اطُّلع عليه في { $date }
report-made-with = أُعدّ باستخدام Claimdesk.
report-running-head = تقرير Claimdesk
report-page-of = الصفحة { $page } من { $pages }
