"""The app's own awareness statements: one short fixed set for every trajectory, whatever its method.

Drawn from the toolkit's themes (content/themes.yaml) and what held men back most in the pilot
(DESIGN.md §1: the money, the role of breadwinner, what others say), so that the first and the
last meeting of any trajectory can be compared, and trajectories with each other on the dashboard.
They are statements of this app, not quotes from the toolkit: stored as toolkit statements (the
questionnaire's answers point at statements) with ``app_fields = ["text"]`` and a source that says
so, no method, and their translations in English, Arabic and Turkish.
"""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.db import transaction

from samensterk.toolkit.models import Statement, Theme, Translation

SOURCE = "Samen Sterk met Werk (app): eigen bewustzijnsvragen, geen tekst uit de toolkit"
# After the toolkit's statements (orders 1..n), so a meeting's own statements are asked first.
FIRST_ORDER = 1000

# slug, themes, text per language (Dutch first: the toolkit's language).
OWN_STATEMENTS = [
    (
        "app-bewustzijn-werk",
        ["betaald-werk", "relatie-en-gezin"],
        {
            "nl": "Het is goed voor ons hele gezin als een vrouw betaald werk doet.",
            "en": "It is good for our whole family when a woman does paid work.",
            "ar": "من الجيد لعائلتنا كلها أن تعمل المرأة عملًا مأجورًا.",
            "tr": "Bir kadının ücretli bir işte çalışması bütün ailemiz için iyidir.",
        },
    ),
    (
        "app-bewustzijn-zorg",
        ["zorgverantwoordelijkheid", "rolpatronen"],
        {
            "nl": "Een vader kan net zo goed voor de kinderen en het huishouden zorgen als een moeder.",
            "en": "A father can care for the children and the household just as well as a mother.",
            "ar": "يستطيع الأب أن يعتني بالأطفال وبالمنزل تمامًا كما تفعل الأم.",
            "tr": "Bir baba da çocuklara ve eve bir anne kadar iyi bakabilir.",
        },
    ),
    (
        "app-bewustzijn-geld",
        ["geld"],
        {
            "nl": "Ik weet wat het voor het inkomen van ons gezin betekent als mijn partner gaat werken.",
            "en": "I know what it means for our family's income if my partner starts working.",
            "ar": "أعرف ماذا يعني لدخل عائلتنا إذا بدأ شريكي أو شريكتي العمل.",
            "tr": "Eşim çalışmaya başlarsa bunun ailemizin geliri için ne anlama geldiğini biliyorum.",
        },
    ),
    (
        "app-bewustzijn-man",
        ["mannelijkheid"],
        {
            "nl": "Een man die thuis taken overneemt zodat zijn vrouw kan werken, is een sterke man.",
            "en": "A man who takes on tasks at home so that his wife can work is a strong man.",
            "ar": "الرجل الذي يتولى مهام في البيت لكي تتمكن زوجته من العمل رجل قوي.",
            "tr": "Karısı çalışabilsin diye evde görev üstlenen bir erkek güçlü bir erkektir.",
        },
    ),
    (
        "app-bewustzijn-zelfstandig",
        ["zelfstandigheid"],
        {
            "nl": "Het is belangrijk dat een vrouw een eigen inkomen heeft.",
            "en": "It is important that a woman has an income of her own.",
            "ar": "من المهم أن يكون للمرأة دخل خاص بها.",
            "tr": "Bir kadının kendi geliri olması önemlidir.",
        },
    ),
    (
        "app-bewustzijn-omgeving",
        ["cultuur"],
        {
            "nl": "Wat mensen om ons heen ervan vinden, houdt ons niet tegen om thuis dingen anders te doen.",
            "en": "What the people around us think does not stop us from doing things differently at home.",
            "ar": "ما يظنه الناس من حولنا لا يمنعنا من فعل الأشياء بشكل مختلف في البيت.",
            "tr": "Çevremizdeki insanların ne düşündüğü, evde işleri farklı yapmamıza engel olmaz.",
        },
    ),
]


@transaction.atomic
def own_statements() -> list[Statement]:
    """The fixed set, created (with its translations) the first time it is needed."""
    existing = {
        s.slug: s for s in Statement.objects.filter(slug__in=[slug for slug, _t, _x in OWN_STATEMENTS])
    }
    if len(existing) == len(OWN_STATEMENTS):
        return [existing[slug] for slug, _t, _x in OWN_STATEMENTS]
    themes = {t.slug: t for t in Theme.objects.all()}
    ct = ContentType.objects.get_for_model(Statement)
    made = []
    for i, (slug, theme_slugs, texts) in enumerate(OWN_STATEMENTS):
        statement = existing.get(slug)
        if statement is None:
            statement = Statement.objects.create(
                slug=slug,
                text=texts["nl"],
                order=FIRST_ORDER + i,
                source=SOURCE,
                app_fields=["text"],
                audience=Statement.Audience.ALL,
            )
            statement.themes.set([themes[s] for s in theme_slugs if s in themes])
            for language in ("en", "ar", "tr"):
                Translation.objects.get_or_create(
                    content_type=ct,
                    object_id=statement.pk,
                    language=language,
                    defaults={"fields": {"text": texts[language]}},
                )
        made.append(statement)
    return made
