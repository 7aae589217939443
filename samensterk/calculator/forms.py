"""The calculator's questions as a Django form, and its mapping to the engine's household dict.

Five questions come first, each with a sensible default and an "I don't know" box that uses it;
"More details" holds the rest. Nothing here is stored: the form lives in one POST body.

Amounts are typed on phones in many ways ("1.250", "1250,50", "€ 900", Arabic-Indic digits);
``parse_amount`` reads them all, so a number is never refused for its notation.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal, InvalidOperation

from django import forms
from django.forms.renderers import Jinja2
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from samensterk.calculator.results import format_money
from samensterk.income import model as limits
from samensterk.income.household import HouseholdInvalid, care_type_for_age, max_care_price, parse_household
from samensterk.income.model import CURVE_MAX_HOURS, MAX_CHILDREN, MAX_HOURS_WEEK, offered_years

HOURS_MAX = CURVE_MAX_HOURS  # her hours on the curve (income.model defines the limits)
DEFAULT_HOURS = 16
DEFAULT_RENT = Decimal("700")  # a typical social-housing rent (kale huur) in a large city
DEFAULT_CHILDREN = (4, 8)
CARE_TYPES = ("dagopvang", "bso", "gastouder")

UNKNOWN_FOR = {
    "partner_unknown": "partner_amount",
    "children_unknown": "children",
    "rent_unknown": "rent",
    "her_wage_unknown": "her_wage",
    "childcare_unknown": "childcare",
}
HAS_HELP = {"partner_amount", "children", "rent", "her_wage", "loonheffingskorting", "childcare_own_share"}

AMOUNT_MAX_LENGTH = 20  # "€ 100.000,00" and spaces fit; a longer text is no amount
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_GROUPED = re.compile(r"^\d{1,3}([.,\s])\d{3}(\1\d{3})*$")  # 1.250 / 1,250 / 1 250 000


def normalise_digits(text: str) -> str:
    """Arabic-Indic and Persian digits as ASCII digits; the Arabic decimal comma as a comma."""
    return str(text).translate(_DIGITS).replace("٫", ",").replace("٬", ".")


def parse_amount(text: str) -> Decimal:
    """A money amount as people type it: "1.250", "1,250.50", "1250,5", "€ 900,-". Raises ValueError."""
    s = normalise_digits(text).strip().replace("€", "").replace(",-", "").replace("\u00a0", " ").strip()
    if not s:
        raise ValueError("empty")
    if _GROUPED.match(s):
        s = re.sub(r"[.,\s]", "", s)
    else:
        s = s.replace(" ", "")
        if "," in s and "." in s:
            # The separator that comes last is the decimal one.
            decimal_sep = "," if s.rfind(",") > s.rfind(".") else "."
            s = s.replace("." if decimal_sep == "," else ",", "").replace(",", ".")
        else:
            s = s.replace(",", ".")
    if not re.fullmatch(r"\d+(\.\d+)?", s):
        raise ValueError(text)
    try:
        return Decimal(s)
    except InvalidOperation as e:  # pragma: no cover - the regex above rules this out
        raise ValueError(text) from e


def format_limit(value, unit: str) -> str:
    """A limit as the page says it in the active language: "€ 1.000" in Dutch, "100%", "744 hours";
    never Python's "1000.0"."""
    from django.utils.formats import number_format

    if unit == "euro":
        return format_money(value)
    number = number_format(Decimal(value).normalize(), use_l10n=True, force_grouping=True)
    if unit == "percent":
        return f"{number}%"
    return ngettext("%(n)s hour", "%(n)s hours", int(value)) % {"n": number}


_MINUS = re.compile(r"^\s*[-\u2212\u2013]\s*")  # "-", the minus sign and the dash phones type


class AmountField(forms.CharField):
    """A euro amount, a percentage or hours, typed as text (inputmode=decimal keeps the phone's keypad).
    ``unit`` says how its limits are written in a message."""

    def __init__(self, *, min_value=0, max_value=None, unit="euro", **kwargs):
        self.min_value, self.max_value, self.unit = Decimal(min_value), max_value, unit
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)
        self.widget.attrs["maxlength"] = AMOUNT_MAX_LENGTH
        self.widget.attrs.update({"inputmode": "decimal", "autocomplete": "off", "size": 8})

    def to_python(self, value):
        value = super().to_python(value)
        if value in self.empty_values:
            return None
        if len(value) > AMOUNT_MAX_LENGTH:  # checked on the text, before it is read as a number
            raise forms.ValidationError(
                _("Enter an amount in numbers, for example 850 or 12,50."), code="max_length"
            )
        negative = bool(_MINUS.match(value))
        try:
            number = parse_amount(_MINUS.sub("", value) if negative else value)
        except ValueError:
            raise forms.ValidationError(
                _("Enter an amount in numbers, for example 850 or 12,50."), code="invalid"
            ) from None
        if negative and number:
            number = -number  # a negative number is a number: say what is allowed, not "not a number"
        if number < self.min_value:
            if not self.min_value:
                raise forms.ValidationError(_("This must be 0 or more."), code="min_value")
            raise forms.ValidationError(
                _("This must be at least %(min)s.") % {"min": format_limit(self.min_value, self.unit)},
                code="min_value",
            )
        if self.max_value is not None and number > self.max_value:
            raise forms.ValidationError(
                _("This must be at most %(max)s.") % {"max": format_limit(self.max_value, self.unit)},
                code="max_value",
            )
        return number


def parse_ages(text: str) -> list[int]:
    """Children's ages from "3, 7", "3 7", "3;7" or "٣ ٧". Raises ValueError with the bad part."""
    parts = [p for p in re.split(r"[,;/\s]+|\band\b|\ben\b", normalise_digits(text).strip()) if p]
    ages = []
    for part in parts:
        if not part.isdigit():
            raise ValueError(part)
        ages.append(int(part))
    return ages


def default_year() -> int:
    years = offered_years()
    today = dt.date.today().year
    return today if today in years else years[-1]


def minimum_hourly_wage(year: int) -> float | None:
    """The statutory minimum hourly wage of ``year`` (averaged over the two indexations), for the
    help texts and the partner's default wage; None when the engine has no figure."""
    try:
        from samensterk.income.formulas.loon import minimumuurloon_jaargemiddelde

        return round(float(minimumuurloon_jaargemiddelde(year)), 2)
    except Exception:  # noqa: BLE001 - a help text must never break the page
        return None


class CalculatorForm(forms.Form):
    """The household's questions and the hours to look at. Every field is optional or defaulted."""

    # Django's Jinja2 copies of its widget templates render the same HTML (whitespace aside) in
    # about half the time; this form has fifty widgets on every calculator page. Only this form:
    # the admin's widgets have no Jinja2 templates.
    default_renderer = Jinja2()

    PARTNER_CHOICES = [
        ("works", _("Works for a wage")),
        ("no_income", _("Has no income")),
        ("bijstand", _("We receive bijstand (social assistance)")),
        ("none", _("No partner: she raises the children alone")),
    ]
    AMOUNT_KIND_CHOICES = [("gross", _("gross (bruto)")), ("net", _("net (netto)"))]
    CHILDCARE_CHOICES = [
        ("auto", _("Only when nobody else is at home while she works")),
        ("yes", _("Yes")),
        ("no", _("No")),
    ]
    CARE_CHOICES = [
        ("auto", _("The usual for the age")),
        ("none", _("No childcare")),
        ("dagopvang", _("Day care (dagopvang)")),
        ("bso", _("After-school care (bso)")),
        ("gastouder", _("Childminder (gastouder)")),
    ]

    # 1. The partner.
    partner = forms.ChoiceField(
        label=_("Her partner's situation"), choices=PARTNER_CHOICES, initial="works", widget=forms.RadioSelect
    )
    partner_amount = AmountField(label=_("Partner's wage per month"), max_value=limits.MAX_MONTHLY_WAGE)
    partner_amount_kind = forms.ChoiceField(
        label=_("This amount is"),
        choices=AMOUNT_KIND_CHOICES,
        initial="gross",
        widget=forms.RadioSelect,
        required=False,
    )
    partner_unknown = forms.BooleanField(label=_("I don't know"), required=False)
    # 2. The children.
    children = forms.CharField(
        label=_("Ages of the children"),
        required=False,
        max_length=60,
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "size": 12, "placeholder": _("for example 3, 7")}
        ),
    )
    children_unknown = forms.BooleanField(label=_("I don't know, or I prefer not to say"), required=False)
    # 3. The rent.
    rent = AmountField(label=_("Rent per month (kale huur)"), max_value=limits.MAX_RENT)
    rent_unknown = forms.BooleanField(label=_("I don't know"), required=False)
    # 4. Her hourly wage.
    her_wage = AmountField(label=_("Her gross hourly wage"), min_value=1, max_value=limits.MAX_HOURLY_WAGE)
    her_wage_unknown = forms.BooleanField(label=_("I don't know"), required=False)
    # 5. Childcare.
    childcare = forms.ChoiceField(
        label=_("Will the children go to childcare while she works?"),
        choices=CHILDCARE_CHOICES,
        initial="auto",
        widget=forms.RadioSelect,
        required=False,
    )
    childcare_unknown = forms.BooleanField(label=_("I don't know"), required=False)

    # More details.
    year = forms.TypedChoiceField(label=_("Year"), coerce=int, choices=(), required=False)
    owner = forms.BooleanField(label=_("We own our home (no rent)"), required=False)
    her_pension = AmountField(
        label=_("Her pension contribution (percent of the wage)"),
        max_value=limits.MAX_PERCENT,
        unit="percent",
    )
    period = forms.ChoiceField(
        label=_("On bijstand: which period of her work the result shows"),
        choices=[
            ("first", _("The first six months")),
            ("after", _("After the first six months")),
            ("second_third", _("The second and third year")),
            # A single parent's 12.5% disregard ends after three years, a couple's none after one.
            ("later", _("Later, when none of her earnings is kept")),
        ],
        initial="first",
        required=False,
    )
    # One extra question: the earnings disregards are for a recipient of 27 or older.
    her_27 = forms.ChoiceField(
        label=_("Is she 27 or older?"),
        choices=[("yes", _("Yes")), ("no", _("No"))],
        initial="yes",
        widget=forms.RadioSelect,
        required=False,
    )

    # Her loonheffingskorting is applied by one payer only (income.model.LOONHEFFINGSKORTING).
    loonheffingskorting = forms.ChoiceField(
        label=_("On bijstand: who applies her loonheffingskorting?"),
        choices=[
            ("gemeente", _("The gemeente, on the bijstand")),
            ("employer", _("Her employer, on her wage")),
            ("both", _("Both (by mistake)")),
        ],
        initial="gemeente",
        required=False,
    )

    # The childcare's own share: some gemeenten pay it while the household gets bijstand (their own
    # policy, so never assumed; income.model.BijstandIn.childcare_own_share).
    childcare_own_share = forms.ChoiceField(
        label=_("On bijstand: does the gemeente pay the part of the childcare the toeslag leaves?"),
        choices=[("no", _("No, or we do not know")), ("yes", _("Yes, the gemeente pays it"))],
        initial="no",
        required=False,
    )

    # Who cares, who earns: his hours now and two splits of paid work to set side by side.
    partner_hours = forms.IntegerField(
        label=_("His working hours per week now"),
        min_value=1,
        max_value=MAX_HOURS_WEEK,
        initial=40,
        required=False,
    )
    share_a_his = forms.IntegerField(
        label=_("His hours"), min_value=0, max_value=MAX_HOURS_WEEK, initial=40, required=False
    )
    share_a_her = forms.IntegerField(
        label=_("Her hours"), min_value=0, max_value=HOURS_MAX, initial=0, required=False
    )
    share_b_his = forms.IntegerField(
        label=_("His hours"), min_value=0, max_value=MAX_HOURS_WEEK, initial=32, required=False
    )
    share_b_her = forms.IntegerField(
        label=_("Her hours"), min_value=0, max_value=HOURS_MAX, initial=24, required=False
    )

    # The hours to look at and the comparison.
    hours = forms.IntegerField(
        label=_("Hours of paid work per week"),
        min_value=0,
        max_value=HOURS_MAX,
        initial=DEFAULT_HOURS,
        required=False,
    )
    compare_a = forms.IntegerField(
        label=_("Compare with"), min_value=0, max_value=HOURS_MAX, initial=0, required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        years = offered_years()  # only a year with every figure known (income.model)
        self.fields["year"].choices = [(y, str(y)) for y in years]
        self.fields["year"].initial = default_year()
        if self.is_bound:
            self._show_defaults()
        for i in range(MAX_CHILDREN):
            self.fields[f"care_type_{i}"] = forms.ChoiceField(
                label=_("Type of childcare"), choices=self.CARE_CHOICES, initial="auto", required=False
            )
            self.fields[f"care_hours_{i}"] = AmountField(
                label=_("Hours per month"), max_value=limits.MAX_CHILDCARE_HOURS_MONTH, unit="hours"
            )
            self.fields[f"care_price_{i}"] = AmountField(
                label=_("Price per hour"), max_value=limits.MAX_CARE_PRICE
            )
        for name, target in UNKNOWN_FOR.items():
            self.fields[name].widget.attrs["data-unknown-for"] = f"id_{target}"
        for name in HAS_HELP:
            self.fields[name].widget.attrs["aria-describedby"] = f"id_{name}-help"

    # Answers the form fills in when they are left out (clean() uses the same defaults): a bound
    # form shows them, so the page shows what was calculated. Without this the year select of an
    # example (which posts no year) showed, and the next submit posted, the first year offered.
    DEFAULTED = ("year", "partner_hours", "share_a_his", "share_a_her", "share_b_his", "share_b_her")

    def _show_defaults(self):
        missing = [n for n in self.DEFAULTED if self.data.get(self.add_prefix(n)) in (None, "")]
        if missing:
            self.data = self.data.copy()  # a request's QueryDict is immutable
            for name in missing:
                self.data[self.add_prefix(name)] = str(self.fields[name].initial)

    def full_clean(self):
        super().full_clean()
        # Screen readers read the help text and the error with the field (the ids are in the template).
        for name, field in self.fields.items():
            ids = [f"id_{name}-help"] if name in HAS_HELP else []
            if name in self.errors:
                ids.insert(0, f"id_{name}-error")
            if ids:
                field.widget.attrs["aria-describedby"] = " ".join(ids)

    # Per-field cleaning: the ages list.
    def clean_children(self):
        text = self.cleaned_data.get("children") or ""
        try:
            ages = parse_ages(text)
        except ValueError as e:
            raise forms.ValidationError(
                _("“%(part)s” is not an age. Write the ages in whole years, for example: 3, 7."),
                params={"part": str(e)},
                code="invalid",
            ) from None
        if any(a > 17 for a in ages):
            raise forms.ValidationError(_("Only count children up to 17 years old."), code="age_out_of_range")
        if len(ages) > MAX_CHILDREN:
            raise forms.ValidationError(
                _("The calculator counts at most %(n)s children.") % {"n": MAX_CHILDREN}, code="too_many"
            )
        return ages

    def clean(self):
        data = super().clean()
        if data.get("hours") is None:
            data["hours"] = DEFAULT_HOURS
        if data.get("compare_a") is None:
            data["compare_a"] = 0
        if not data.get("year"):
            data["year"] = default_year()
        for name in ("partner_hours", "share_a_his", "share_a_her", "share_b_his", "share_b_her"):
            if data.get(name) is None:
                data[name] = self.fields[name].initial
        if not self.errors:
            household = self.to_household(data)
            try:
                parse_household(household)
            except HouseholdInvalid as e:
                for err in e.errors:
                    field = _form_field(err["field"], household)
                    if err["code"] == "required" and err["field"].endswith("hourly_price"):
                        message = _(
                            "The highest hourly price the toeslag covers is not published for this year: "
                            "enter the price per hour."
                        )
                    else:  # the engine's messages are codes: the form says them in the user's language
                        message = ENGINE_MESSAGES.get(err["code"], _("This value is not valid."))
                    self.add_error(field, message)
        return data

    def assumptions(self) -> list[str]:
        """What we filled in for the user, said next to the result and at the top of the handout
        (nothing is silently assumed). Amounts in the active language's one format."""
        d = self.cleaned_data
        year = int(d.get("year") or default_year())
        wml = minimum_hourly_wage(year)
        out = []
        partner = d.get("partner") or "works"
        if partner == "works" and (d.get("partner_unknown") or d.get("partner_amount") is None):
            hours = int(d.get("partner_hours") or 40)
            out.append(
                _(
                    "You gave no wage for her partner: we counted the minimum wage for %(hours)s hours a week, "
                    "about %(month)s gross a month."
                )
                % {"hours": hours, "month": format_money((wml or 0) * hours * 52 / 12)}
            )
        if d.get("her_wage_unknown") or d.get("her_wage") is None:
            out.append(
                _(
                    "You gave no hourly wage for her: we counted the minimum wage, %(wage)s gross an hour in %(year)s."
                )
                % {"wage": format_money(wml or 0, cents=True), "year": year}
            )
        if not d.get("owner") and (d.get("rent_unknown") or d.get("rent") is None):
            out.append(
                _("You gave no rent: we counted %(rent)s a month, a usual social-housing rent.")
                % {"rent": format_money(DEFAULT_RENT)}
            )
        if d.get("children_unknown"):
            out.append(_("You gave no ages: we counted two children of 4 and 8."))
        elif not d.get("children"):
            out.append(_("You gave no children's ages: we counted no children under 18."))
        if on_bijstand(d) and not self.data.get(self.add_prefix("her_27")):
            out.append(_("You did not say whether she is 27 or older: we counted that she is."))
        if on_bijstand(d) and d.get("childcare_own_share") != "yes" and self.to_household(d).get("childcare"):
            out.append(
                _(
                    "The part of the childcare the toeslag leaves is counted as your cost: whether the "
                    "gemeente pays it is its own policy (ask it, and answer under More details)."
                )
            )
        return out

    def error_links(self) -> list[dict]:
        """The error summary's entries, each linking to an element that is on the page: a radio
        group's first button (a radio group has no single id), or the field itself."""
        out = []
        for field in self:
            if field.errors:
                target = field.id_for_label or f"{field.auto_id}_0"
                out.append({"target": target, "label": field.label, "error": field.errors[0]})
        return out

    def household_facts(self) -> list[dict]:
        """Who the household is, for the top of the handout: each answer as used, defaults included
        (the assumptions list says which were filled in). No names, only the figures typed."""
        d = self.cleaned_data
        hh = self.to_household()
        partner = d.get("partner") or "works"
        who = {
            "works": _("She and her partner; he works for a wage"),
            "no_income": _("She and her partner; he has no income"),
            "bijstand": _("She and her partner; they receive bijstand together"),
            "none": _("She raises the children alone"),
        }[partner]
        ages = hh["children"]
        facts = [
            {"label": _("Household"), "value": who},
            {
                "label": _("Ages of the children"),
                "value": ", ".join(str(a) for a in ages) if ages else _("no children under 18"),
            },
        ]
        p = hh["partner"]
        if partner == "works":
            if "gross_month" in p:
                wage = _("%(amount)s gross a month") % {"amount": format_money(p["gross_month"])}
            elif "net_month" in p:
                wage = _("%(amount)s net a month") % {"amount": format_money(p["net_month"])}
            else:
                wage = _("%(amount)s gross an hour, %(hours)s hours a week") % {
                    "amount": format_money(p["hourly_wage"] or 0, cents=True),
                    "hours": int(p["hours_week"]),
                }
            facts.append({"label": _("Her partner's wage"), "value": wage})
        her = hh["her"]["hourly_wage"]
        year = hh["year"]
        facts.append(
            {
                "label": _("Her wage"),
                "value": _("%(amount)s gross an hour") % {"amount": format_money(her, cents=True)}
                if her is not None
                else _("the minimum wage, %(amount)s gross an hour")
                % {"amount": format_money(minimum_hourly_wage(year) or 0, cents=True)},
            }
        )
        housing = hh["housing"]
        facts.append(
            {
                "label": _("Rent per month"),
                "value": format_money(housing["rent"]) if "rent" in housing else _("own home, no rent"),
            }
        )
        kinds = dict(self.CARE_CHOICES)
        care = [
            _("child of %(age)s: %(kind)s")
            % {"age": ages[c["child"]], "kind": kinds.get(c["type"], c["type"])}
            for c in hh["childcare"]
        ]
        facts.append({"label": _("Childcare"), "value": "; ".join(care) if care else _("no paid childcare")})
        if on_bijstand(d):
            facts.append(
                {"label": _("She is 27 or older"), "value": _("No") if d.get("her_27") == "no" else _("Yes")}
            )
        facts.append({"label": _("Year"), "value": str(year)})
        return facts

    # The mapping to the engine's household dict (docs/engine-contract.md).
    def to_household(self, data: dict | None = None) -> dict:
        d = self.cleaned_data if data is None else data
        year = int(d.get("year") or default_year())
        partner = d.get("partner") or "works"
        if partner == "works":
            amount = None if d.get("partner_unknown") else d.get("partner_amount")
            if amount is None:
                wml = minimum_hourly_wage(year)
                hours = float(d.get("partner_hours") or 40)
                partner_dict = {"situation": "works", "hourly_wage": wml, "hours_week": hours}
            elif d.get("partner_amount_kind") == "net":
                partner_dict = {"situation": "works", "net_month": float(amount)}
            else:
                partner_dict = {"situation": "works", "gross_month": float(amount)}
        else:
            partner_dict = {"situation": partner}
        ages = list(DEFAULT_CHILDREN) if d.get("children_unknown") else list(d.get("children") or [])
        rent = DEFAULT_RENT if d.get("rent_unknown") or d.get("rent") is None else d["rent"]
        housing = {"owner": True} if d.get("owner") else {"rent": float(rent)}
        wage = None if d.get("her_wage_unknown") or d.get("her_wage") is None else float(d["her_wage"])
        pension = float(d.get("her_pension") or 0)
        choice = d.get("childcare") or "auto"
        if d.get("childcare_unknown") or choice == "auto":
            # Paid childcare only when no other parent is at home while she works.
            care_on = partner in ("works", "none")
        else:
            care_on = choice == "yes"
        childcare = []
        for i, age in enumerate(ages):
            if not care_on:
                break
            kind = d.get(f"care_type_{i}") or "auto"
            if kind == "auto":
                kind = care_type_for_age(age)
            if not kind or kind == "none":
                continue
            hours = d.get(f"care_hours_{i}")
            price = d.get(f"care_price_{i}")
            price = float(price) if price is not None else max_care_price(year, kind)
            entry = {"child": i, "type": kind, "hourly_price": price}  # price None: the engine refuses it
            if hours is not None:  # no hours: the care follows her working hours
                entry["hours_month"] = float(hours)
            childcare.append(entry)
        household = {
            "year": year,
            "her": {"hourly_wage": wage, "pension_percent": pension},
            "partner": partner_dict,
            "children": ages,
            "housing": housing,
            "childcare": childcare,
        }
        household["bijstand"] = bijstand_flags(d)
        return household

    def share_pairs(self) -> list[tuple[int, int]]:
        """The two splits of paid work (his hours, her hours) to set side by side."""
        d = self.cleaned_data
        return [(d["share_a_his"], d["share_a_her"]), (d["share_b_his"], d["share_b_her"])]


def on_bijstand(d: dict) -> bool:
    """The form's households on bijstand: a couple on bijstand, or a single parent without a wage
    (the engine's default claim)."""
    return (d.get("partner") or "works") in ("bijstand", "none")


def bijstand_flags(d: dict) -> dict:
    """Which earnings disregards apply to her (Participatiewet art. 31 lid 2 onder n and r): both
    from 27, the 12.5% one for a single parent with a child under 12; the periods in which they
    apply come from income.timeline. And who applies her loonheffingskorting, and whether the
    gemeente pays the childcare's own share."""
    lhk = d.get("loonheffingskorting") or "gemeente"
    own_share = on_bijstand(d) and d.get("childcare_own_share") == "yes"
    if not on_bijstand(d) or d.get("her_27") == "no":
        return {"vrijlating": False, "vrijlating_alleenstaande_ouder": False, "loonheffingskorting": lhk,
                "childcare_own_share": own_share}  # fmt: skip
    ages = list(DEFAULT_CHILDREN) if d.get("children_unknown") else list(d.get("children") or [])
    single_young = d.get("partner") == "none" and any(a < 12 for a in ages)
    return {"vrijlating": True, "vrijlating_alleenstaande_ouder": single_young, "loonheffingskorting": lhk,
            "childcare_own_share": own_share}  # fmt: skip


ENGINE_MESSAGES = {
    "required": _("This field is required."),
    "negative": _("This must be 0 or more."),
    "too_large": _("This amount is too large."),
    "hours_out_of_range": _("This is more hours than a week can hold."),
    "unknown_year": _("The calculator has no rules for this year."),
    "age_out_of_range": _("Only count children up to 17 years old."),
    "wage_required": _("Give the partner's wage per month."),
}


def _form_field(engine_field: str, household: dict | None = None) -> str | None:
    """The form field that shows an engine validation error (None: above the form)."""
    m = re.match(r"childcare\[(\d+)\]\.(\w+)", engine_field)
    if m:
        field = {"hourly_price": "care_price_", "hours_month": "care_hours_", "type": "care_type_"}.get(m[2])
        try:
            child = household["childcare"][int(m[1])]["child"]
        except (TypeError, KeyError, IndexError):
            return None
        return f"{field}{child}" if field else None
    mapping = {
        "year": "year",
        "her.hourly_wage": "her_wage",
        "her.pension_percent": "her_pension",
        "housing.rent": "rent",
    }
    if engine_field in mapping:
        return mapping[engine_field]
    if engine_field.startswith("partner"):
        return "partner_amount"
    if engine_field.startswith("children"):
        return "children"
    return None
