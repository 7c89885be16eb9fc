"""Numbers with units in caregivers' words: temperature, sats, breaths, hours dry, fits, ALT,
platelets."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

_NUMBER_WORDS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "few": 3,
    "couple": 2,
    "several": 4,
}
_N = r"(?P<n>\d+(?:[.,]\d+)?|" + "|".join(_NUMBER_WORDS) + r")"
_TEMPERATURE = re.compile(
    r"(?<![\d:])(?P<v>\d{2,3}(?:[.,]\d{1,2})?)(?![\d:]) ?(?P<deg>°|degrees?|deg)? ?"
    r"(?P<u>c|f|celsius|centigrade|fahrenheit)?\b"
)
# a fever as translation apps give it: "the child has heat 39" (not "the car has heat 40")
HAS_HEAT = r"(?:child|baby|he|she|son|daughter|i) (?:has|have|having) heat"
_TEMPERATURE_CUE = re.compile(
    r"\b(temp\w*|fever\w*|febrile|thermometer|hot|burning|running|reading|reads|hit|hitting|"
    rf"spiked|spiking|peaked|boiling|{HAS_HEAT}|"
    # …in families' first languages: "bukhar 38.9", "fiebre de 39", "febră 39"
    r"fiebre|febre|febra|goraczk\w*|lagnat|bukhaa?r|qandho)\b|°"
)
# "39.2 tonight": a number with a decimal in a body-temperature range is read as one, unless
# another unit follows it ("38.5 kg").
_OTHER_UNIT = re.compile(
    r"^ ?(?:kg|kgs|kilos?|lbs?|pounds?|g|grams?|ml|mls|mg|cm|mm|%|percent|weeks?|months?|"
    r"years?|days(?! \d)|day(?! \d| after| since)|hours?|mins?|minutes?|million|thousand|k|"
    r"ounces?|oz)\b|"
    # the weather's: "thirty-eight degrees outside today"
    r"^ ?(?:degrees? )?(?:outside|out there)\b"
)
# …and the weather's or the bath's said first: "it's going to be 39 degrees in Spain", "bath
# water at 38 degrees"
_NOT_BODY_BEFORE = re.compile(
    r"\b(?:(?:bath ?water|water|weather|forecast|outside|room|pool|heatwave|hot tub|tub)"
    r"(?: (?:app|thermometer))? (?:is|was|at|of|about|around|reaching|hitting|says|said|shows|"
    r"showed|set to|is set to)|going to be|gonna be|itll be|it will be) $"
)
# A number after another reading's name is that reading, not a temperature: "RR 30, afebrile"
_SATURATION_BEFORE = re.compile(
    r"\b(?:sats?|saturations?|spo2|oxygen|o2|oximeter|pulse ox\w*|rr|hr|resp\w*|heart rate|"
    r"pulse|bpm|bp|bm|gcs|plts?|platelets?|alt|ast|inr|weight|kg)(?: [a-z0-9]+){0,2} ?$"
)
# …and a whole number listed after a saturation: "oximeter reads 97 awake and 96 asleep" (not
# "sats 95 and 39.1 on the thermometer")
_SATURATION_LIST = re.compile(
    r"\b(?:oximeter|spo2|saturations?|sats)(?: (?:reads?|reading|was|were|is|at|of))? \d{2,3}"
    r"(?: ?%)?(?: (?:awake|asleep|sleeping|today|earlier|before))? (?:and|to|or|then|,) ?$"
)
_SATURATION = re.compile(
    r"\b(?:sats?|saturations?|spo2|oxygen|o2|oximeter|pulse ox\w*)\b"
    r"(?: [a-z]+){0,4} (?P<v>\d{2,3})(?: ?%)?|\b(?P<v2>\d{2,3}) ?%(?: [a-z]+){0,3} "
    r"(?:sats?|saturation|oxygen|o2|spo2)\b"
)
# not "wee\w*": that reads "last week" as a wee
_URINE_CUE = re.compile(
    r"\b(wet|wees?|weed|weeing|wee wee\w*|pees?|peed|peeing|urin\w*|nappy|nappies|diapers?|"
    r"toilet|(?:wet|dry|incontinence|continence) pads?|(?:her|his|their|my) pad (?:has been|is|"
    r"was) (?:dry|wet))\b"
)
# "6 wet nappies a day (for the last 3 days)" counts nappies; it is no day without one
_NAPPY_RATE = re.compile(
    r"\b(?:[4-9]|1\d|four|five|six|seven|eight|nine|ten|plenty of|lots of)(?: ?(?:-|to|or) ?\d+)? "
    r"(?:wet |heavy |good )?(?:nappies|diapers|wees|pees) (?:a|per|each|every) day\b"
)
_OVER = re.compile(r" (?:for|over|in)(?: the)?(?: last| past)? ")
_DURATION = re.compile(
    rf"\b{_N} (?:(?:whole|full|long) )?(?P<u>hours?|hrs?|h|days?|minutes?|mins?|seconds?|secs?)\b"
)
_LAST_WET = re.compile(
    r"\blast (?:(?:wet |proper |heavy )?(?:nappy|diaper|wee|pee|wet one)|wet pad)\b"
    r"(?: (?:\w+|,)){0,6} $"
)
# four or more wet ones: "only 2 since yesterday evening" is still too few, and "changed 4
# nappies since this morning, all bone dry" no count of wet ones
_COUNT = r"\b(?:[4-9]|\d{2}|four|five|six|seven|eight|several|lots|loads|plenty)(?: of)?"
_COUNT_BEFORE = re.compile(
    rf"\b(?:wet|wetting|wees?|weed|weeing)\b.{{0,30}}{_COUNT}(?: wet)?"
    rf"(?: ones| nappies| nappys| diapers| wees)? $|"
    rf"{_COUNT} (?:wet (?:ones|nappies|nappys|diapers)|wees) $"
)
_HALF_HOUR = re.compile(r"\bhalf an hour\b|\ban hour and a half\b")
_SINCE = {
    "all day": 12.0,
    "since yesterday": 24.0,
    "since last night": 12.0,
    "since this morning": 8.0,
    "since the morning": 8.0,
    "since breakfast": 8.0,
    "since lunch": 6.0,
    # yesterday's meals: "no wet nappy since lunch yesterday" (the shorter phrase skips these)
    "since lunch yesterday": 20.0,
    "since lunchtime yesterday": 20.0,
    "since breakfast yesterday": 24.0,
    "since teatime yesterday": 14.0,
    "overnight": 10.0,
    "all night": 10.0,
}
# Hours only count as dry in a clause that says so ("no wet nappy for 9 hours", "last wee
# was 10 hours ago"); "runny poos a couple of times a day" is a frequency, not a dry spell.
_DRY_CUE = re.compile(r"\b(no|not|hasnt|havent|hadnt|without|dry|last|since|nothing)\b")
# "…without a wet nappy? it's been 9 hours.": the hours answer the sentence before
_ITS_BEEN = re.compile(r"^ ?(?:its|it has|thats|that is|its now|now its) been\b")
# words for a fit; not "a coughing fit" or "a laughing fit"
FIT_WORDS = (
    r"seiz\w*|convuls\w*|(?<!coughing )(?<!sneezing )(?<!laughing )(?<!giggling )(?<!crying )"
    r"fits?|fitting"
)
_FIT_CUE = re.compile(rf"\b(?:{FIT_WORDS}|jerk\w*|shak\w*|twitch\w*)\b")


@dataclass(frozen=True)
class Measure:
    """A measured value found at [start, end) of the normalised text."""

    name: str  # temperature (°C), oxygen_saturation (%), hours_dry, seizure_minutes, alt (U/L)
    value: float
    start: int
    end: int


def measures(
    text: str,
    fits_mentioned: bool = False,
    sats_mentioned: bool = False,
    dry_before: bool = False,
) -> list[Measure]:
    """Every measure in a clause of normalised text (lower case, one space between tokens).

    `fits_mentioned`: the message names fits elsewhere, so "this one has been going 8 minutes"
    is a fit's length; `sats_mentioned`: it names oxygen saturation, so "they've been sitting
    between 88 and 90" is a saturation; `dry_before`: the sentence before asked about a wet
    nappy, so the "it's been 9 hours." that follows it is a dry spell.
    """
    found = _temperatures(text) + _saturations(text, sats_mentioned) + _clock_hours(text)
    found += _headache_scores(text) + feed_shares(text) + _alt(text) + _breathing_rates(text)
    found += _platelets(text)
    if dry_before and _ITS_BEEN.match(text) and not _URINE_CUE.search(text):
        found += _durations(text, "hours_dry", hours=True)
    elif _URINE_CUE.search(text) and _DRY_CUE.search(text):
        # only a duration next to the wee or nappy it is about ("8 days post zolgensma … wees
        # normal" is no dry spell)
        found += [
            m
            for m in _durations(text, "hours_dry", hours=True)
            if _near_urine(text, m) and not _counted_over(text, m)
        ]
    if fits_mentioned or _FIT_CUE.search(text):
        found += _durations(text, "seizure_minutes", hours=False) + _fit_clock_minutes(text)
    return found


_CLOCK = re.compile(
    r"\b(?:(?P<h>\d{1,2})(?::(?P<m>\d{2}))? ?(?P<ap>am|pm|this morning|in the morning|"
    r"tonight|this evening|in the evening)|(?P<word>midnight|midday|noon|"
    r"breakfast|lunch|lunchtime|teatime|dinner|bedtime)|"
    # "at 8:15" with no am or pm: read as whichever gives the shorter dry spell
    r"(?P<bare_h>\d{1,2}):(?P<bare_m>\d{2}))\b"
)
_CLOCK_WORDS = {
    "midnight": 24,
    "midday": 12,
    "noon": 12,
    "breakfast": 8,
    "lunch": 12.5,
    "lunchtime": 12.5,
    "teatime": 17,
    "dinner": 18,
    "bedtime": 19,
}
_SINCE_CUE = re.compile(r"\b(?:since|last|at|from)\b")
_NOW_CUE = re.compile(r"\b(?:now|its|it is)\b")


def _clock_hours(text: str) -> list[Measure]:
    """ "last wet nappy was at 6am and it's 4pm now": ten hours dry, from two clock times."""
    if not _URINE_CUE.search(text):
        return []
    times = []
    for match in _CLOCK.finditer(text):
        if match["word"]:
            hour = float(_CLOCK_WORDS[match["word"]])
        elif match["bare_h"]:
            hour = int(match["bare_h"]) % 12 + int(match["bare_m"]) / 60
        else:
            evening = match["ap"] in ("pm", "tonight", "this evening", "in the evening")
            hour = int(match["h"]) % 12 + (12 if evening else 0)
            hour += int(match["m"] or 0) / 60
        before = text[max(0, match.start() - 25) : match.start()]
        is_since = bool(_SINCE_CUE.search(before))
        # "it's 4pm", "now 8pm", "4pm now"; not "6am and it's…" nor "at lunch, now…"
        is_now = bool(_NOW_CUE.search(text[max(0, match.start() - 9) : match.start()])) or (
            not is_since and text[match.end() :].startswith(" now")
        )
        times.append((hour, match, is_since, is_now))
    since = [t for t in times if t[2] and not t[3]]
    now = [t for t in times if t[3]]
    if not since or not now:
        return []
    start, end = since[0], now[-1]
    hours = (end[0] - start[0]) % 24 or 24.0
    if start[1]["bare_h"]:  # 8:15 may be morning or evening: the shorter spell is the one
        hours = min(hours, (end[0] - start[0] - 12) % 24 or 24.0)
    return [Measure("hours_dry", hours, start[1].start(), end[1].end())]


def _counted_over(text: str, measure: Measure) -> bool:
    """ "6 wet nappies a day for the last 3 days": the days a count was kept, not a dry spell."""
    return any(
        rate.start() <= measure.start < rate.end()
        or _OVER.fullmatch(text, rate.end(), measure.start)
        for rate in _NAPPY_RATE.finditer(text)
    )


# "hasn't pooed for 3 days": the hours or days are a poo's
_POO_SPELL = re.compile(
    r"\b(?:poo|pooed|pooped|poop|poos|poops|stools?|bowels?|dirty (?:nappy|nappies|diapers?)|"
    r"opened (?:his|her|their) bowels) (?:for|in)(?: over| about| nearly| almost)? $"
)


def _near_urine(text: str, measure: Measure) -> bool:
    """ "no wet nappy for 9 hours", "9 hours without a wee": the wee is beside the hours."""
    before = max(0, measure.start - 30)
    if _POO_SPELL.search(text, 0, measure.start) and not _URINE_CUE.search(
        text, before, measure.start
    ):
        return False
    # "last wet nappy was at breakfast, so about 9 hours ago"
    return bool(
        _URINE_CUE.search(text, before, measure.end + 25) or _after_last_wet(text, measure.start)
    )


def _after_last_wet(text: str, start: int) -> bool:
    """ "last wet nappy was 10 hours ago": the hours at `start` date the last wet nappy."""
    return bool(_LAST_WET.search(text[max(0, start - 60) : start]))


def _number(text: str) -> float:
    return float(_NUMBER_WORDS.get(text, 0) or text.replace(",", "."))


_COMPARED = re.compile(
    r"\b(?:thats|that is|is that|is it|is this) (?:still |just )?(?:under|below|over|"
    r"above|less than|more than|lower than|higher than) $"
)


def _temperatures(text: str) -> list[Measure]:
    found = []
    for match in _TEMPERATURE.finditer(text):
        # a bare number is a temperature only beside its cue ("temp 38", "running 101"), not
        # anywhere in a sentence that mentions a fever ("rr 32 … afebrile")
        near = text[max(0, match.start() - 30) : match.end() + 20]
        cue = _TEMPERATURE_CUE.search(near)
        value = _number(match["v"])
        unit = (match["u"] or "")[:1]
        decimal = "." in match["v"] or "," in match["v"]
        if _OTHER_UNIT.match(text[match.end() :]) or _NOT_BODY_BEFORE.search(
            text, max(0, match.start() - 25), match.start()
        ):
            continue
        if _SATURATION_BEFORE.search(text, max(0, match.start() - 25), match.start()) or (
            not decimal and _SATURATION_LIST.search(text, max(0, match.start() - 40), match.start())
        ):
            continue  # "sats 95-96, no fever": a saturation, not 95 °F
        if _COMPARED.search(text, max(0, match.start() - 25), match.start()):
            continue  # "100.2F – that's under 100.4 isn't it?": the line, not a reading
        if not (cue or match["deg"] or unit or decimal):
            continue
        if unit == "f" or (not unit and 93 <= value <= 110):
            value = (value - 32) * 5 / 9
        if 30 <= value <= 44:
            found.append(Measure("temperature", round(value, 2), match.start(), match.end()))
    return found


def _saturations(text: str, mentioned: bool = False) -> list[Measure]:
    found = []
    for match in _SATURATION.finditer(text):
        value = float(match["v"] or match["v2"])
        if _BELOW.search(text, 0, match.start("v") if match["v"] else match.start()):
            value -= 0.5  # "sats under 92" is a reading below 92, not of 92
        fell = _FROM_TO.match(text, match.end())
        if fell and match["v"] and _FELL_FROM.search(text, 0, match.start("v")):
            value = float(fell["v"])  # "sats have dropped from 96 to 89": the reading now
        if 40 <= value <= 100:
            found.append(Measure("oxygen_saturation", value, match.start(), match.end()))
    if mentioned and not _OTHER_VITAL.search(text):
        # "sats averaged 93 but since 6am she's dipping to 89-90": a fall after a reading counts
        for match in _SATS_AGAIN.finditer(text):
            if found and (
                any(m.start <= match.start("v") < m.end for m in found)
                or not _SATS_FALL.match(match.group())
            ):
                continue
            value = max(float(match["v"]), float(match["v2"] or 0))
            if match["decade"] and not match["v2"]:
                value += 5  # "dropping into the 80s": the middle of the decade
            if 60 <= value <= 100:
                found.append(Measure("oxygen_saturation", value, match.start(), match.end()))
    return found


# "sats under 92", "o2 below 90": the number is a bound, the reading is under it
_BELOW = re.compile(r"\b(?:under|below|less than|lower than|beneath)\s*$")
_FROM_TO = re.compile(r" ?%? to (?P<v>\d{2,3})\b")
# a fall, not a range: "swinging from 85 to 98" keeps its 85
_FELL_FROM = re.compile(
    r"\b(?:dropped|dropping|fallen|fell|falling|gone down|went down|dipped) from $"
)
# "they've been sitting between 88 and 90": sats named earlier in the message
_SATS_AGAIN = re.compile(
    r"\b(?:sitting|hovering|hanging|stuck|staying|stayed|dipping|dipped|dropping|dropped|"
    r"reading|reads|running|been|down|now)(?: (?:at|on|around|about|between|to|the|low|high|mid|"
    r"in|into|only|sitting|hovering|stuck))* (?P<v>\d{2,3})"
    r"(?! ?(?:°|kg|ml|mg|bpm|minutes|mins|(?:cm|mm|days?|weeks?|months?|years?|hours?|hrs?|"
    r"kilos?|lbs?|pounds?|inches)\b))"
    r"(?P<decade> s\b)?(?: (?:and|to|or) (?P<v2>\d{2,3}))?\b"
)
# …or a new one: "sats were 97 this morning, now 88"
_SATS_FALL = re.compile(r"(?:dipping|dipped|dropping|dropped|down|now)\b")
_OTHER_VITAL = re.compile(
    r"\b(?:heart|hr|pulse(?! ox)|bpm|rate|resp\w*|rr|breaths|temp\w*|kg|ml|weigh\w*|fever)\b"
)
# A pain score given for a headache: "headache 9 out of 10", "post LP hdache 10/10"
_HEADACHE_SCORE = re.compile(r"\b(?P<v>\d{1,2}) out of 10\b")
_HEAD_CUE = re.compile(r"\b(?:head\w*|migraine\w*)\b")


def _headache_scores(text: str) -> list[Measure]:
    if not _HEAD_CUE.search(text):
        return []
    return [
        Measure("headache_score", float(m["v"]), m.start(), m.end())
        for m in _HEADACHE_SCORE.finditer(text)
        if int(m["v"]) <= 10
    ]


# Share of the usual feeds taken: "only 60ml in 12 hours, normally he has 600ml" (10 %),
# "she's taken about a third today" (33 %).
_FRACTIONS = {
    "less than half": 40.0,
    "under half": 40.0,
    "not even half": 40.0,
    "half": 50.0,
    "a third": 33.0,
    "one third": 33.0,
    "a quarter": 25.0,
    "one quarter": 25.0,
    "a fifth": 20.0,
    "a tenth": 10.0,
}
_FRACTION = re.compile(
    r"\b(?P<f>" + "|".join(_FRACTIONS) + r")(?: of)?(?! (?:\w+ ){0,2}(?:hour|hours|day|dose|"
    r"doses|dosing|medicine|syringe|tablet|spinraza|evrysdi|risdiplam|way|time|term))\b"
)
_INTAKE = re.compile(
    r"\b(?:taken|take|took|taking|had|has|drunk|drank|drinking|drinks|managed|manages|finished|"
    r"feeds?|feeding|fed|milk|bottles?|formula|intake)\b"
)
_VOLUME = re.compile(r"\b(?P<v>\d+(?:[.,]\d+)?) ?(?P<u>ml|mls|oz)\b")
_USUAL = re.compile(r"\b(?:normally|usually|usual|normal|typically|would (?:normally )?have)\b")
_FEED_ML = 10
_ML_PER_OZ = 30
_SHORT = re.compile(r"\b(?:only|just|barely|hardly)\b")
_USUAL_BARE = re.compile(
    r"\b(?:normally|usually|typically) (?:about |around |takes? |has |have )?"
    # …said on its own or per feed ("usually 600.", "normally has 180 each feed"), not "usually
    # 120 by the end of the feed" or "usually 200 calories"
    r"(?P<v>\d+)(?=\s*(?:$|[,;!?)]|\.(?!\d)|(?:each|per|a|every|at) (?:feed|bottle|day|time)\b))"
)


def feed_shares(text: str) -> list[Measure]:
    """Shares of the usual feeds taken: a fraction said, or ml taken against the usual ml."""
    if not _INTAKE.search(text):
        return []
    found = [
        Measure("feed_share", _FRACTIONS[m["f"]], m.start(), m.end())
        for m in _FRACTION.finditer(text)
    ]
    volumes = list(_VOLUME.finditer(text))
    usual: list[re.Match[str]] = [
        v for v in volumes if _USUAL.search(text, max(0, v.start() - 30), v.start())
    ]
    taken = [v for v in volumes if v not in usual and v["u"][:2] == (usual or [v])[0]["u"][:2]]
    # "only taken 40ml all day, usually 600": the unit left unsaid, after a volume said to be
    # short ("gave 5ml of Evrysdi then her milk, normally about 200" compares nothing)
    if (
        taken
        and not usual
        # a feed's amount, not a dose's 5 ml
        and _number(taken[0]["v"]) * (_ML_PER_OZ if taken[0]["u"] == "oz" else 1) >= _FEED_ML
        and _SHORT.search(text, max(0, taken[0].start() - 20), taken[0].start())
    ):
        usual = list(_USUAL_BARE.finditer(text, taken[0].end()))
    if usual and taken:
        share = 100 * _number(taken[0]["v"]) / max(_number(usual[0]["v"]), 1.0)
        start = min(taken[0].start(), usual[0].start())
        end = max(taken[0].end(), usual[0].end())
        found.append(Measure("feed_share", round(share, 1), start, end))
    return found


_CLOCK_TIME = re.compile(r"\b(?P<h>\d{1,2}):(?P<m>\d{2})\b")
_FIT_START = re.compile(r"\b(?:started|start|began|begun|since|from)\b(?: \w+){0,2}\s*$")
_FIT_NOW = re.compile(r"\b(?:now|its|it is|still)\b")


def _fit_clock_minutes(text: str) -> list[Measure]:
    """ "fit started 21:42 it's 21:49 still going": seven minutes, from two clock times."""
    times = list(_CLOCK_TIME.finditer(text))
    for first, last in itertools.pairwise(times):
        if not _FIT_START.search(text[max(0, first.start() - 30) : first.start()]):
            continue
        around = text[max(0, last.start() - 20) : last.end() + 15]
        if not _FIT_NOW.search(around):
            continue
        minutes = int(last["h"]) * 60 + int(last["m"]) - int(first["h"]) * 60 - int(first["m"])
        minutes %= 24 * 60
        if 0 < minutes <= 180:
            return [Measure("seizure_minutes", float(minutes), first.start(), last.end())]
    return []


# a fit named in the same clause, then when it started: "he's fitting - started 6 minutes ago"
_STARTED = re.compile(
    r"\b(?:fit|fits|fitting|seizure|seizures|seizing|convulsion|convulsing|shaking|jerking|"
    r"twitching)(?: (?!and\b|but\b)[^\s.,;!?]+){0,3} (?:[,–] )?(?:it |which |that )?"
    r"(?:started|began|begun|kicked off)(?: about| around| nearly| over| like| maybe)? $"
)
# …and not over: "her typical seizure started 10 minutes ago and only lasted a minute"
_FIT_OVER = re.compile(
    r" ago(?: (?:and|but))?(?: (?:it|only|just))* (?:lasted|stopped|ended|was over)"
)


# "24 hours since the spinraza", "12 hours after the infusion": the time since a treatment…
_SINCE_TREATMENT = re.compile(
    r" (?:since|after|post) (?:the |her |his |my |their )?(?:spinraza|nusinersen|zolgensma|"
    r"evrysdi|risdiplam|lp|lumbar|spinal|injection|infusion|procedure|gene therapy)\b"
)
# …unless it says how long: "no wet nappy for 10 hours since the infusion", "not a single wee
# in the 14 hours after the procedure"
_FOR = re.compile(r"\b(?:for|in|over|about|nearly|almost|than|the|whole|all) $")


# how long a fit took to recover from, not how long it lasted: "back to himself within 10
# minutes", "came round normally in 10 mins" (but "not back to herself after 30 minutes" and "only
# came round after 10 minutes of jerking" stand)
_RECOVERY = re.compile(
    r"(?<!not )(?<!nt )(?<!still )(?<!never )(?<!yet )(?<!only )\b(?:back to (?:him|her|them)"
    r"sel(?:f|ves)|back to normal|(?:came|come|coming) (?:a)?round|recovered|himself again|"
    r"herself again)(?: \w+){0,2} (?:within|in)(?: about| around| nearly| under)? $"
)

_OF_FITTING = re.compile(r" of (?:jerking|shaking|fitting|seizing|twitching|convuls\w*)\b")
# "…came round within 5 min but then had another fit": the fits go on
_FITS_AGAIN = re.compile(
    r"[^.!?]*\b(?:(?:another|still|keeps|kept) (?:fit|seizure|one|fitting|jerking|shaking|"
    r"twitching|seizing)|(?:fitting|jerking|shaking|twitching|seizing|started) again)\b"
)


def _durations(text: str, name: str, hours: bool) -> list[Measure]:
    """Durations in hours (hours_dry) or minutes (seizure_minutes)."""
    found = []
    for match in _DURATION.finditer(text):
        if re.search(r"\b(?:times|per|every)\s*$", text[: match.start()]) or (
            match["n"] in ("a", "an") and re.search(r"\b\d+\s*$", text[: match.start()])
        ):
            continue  # a frequency: "twice a day", "every 2 hours", "6 or 7 a day"
        # when, not how long ("a seizure about 10 mins ago"), unless it dates the last wet
        # nappy: "last wet nappy was 10 hours ago" is ten hours dry
        last_wet = hours and _after_last_wet(text, match.start())
        # …but "it started 6 minutes ago" is how long a fit has gone on
        started = (
            not hours
            and match["u"].startswith("m")
            and _STARTED.search(text, 0, match.start())
            and not _FIT_OVER.match(text, match.end())
        )
        if text[match.end() :].startswith(" ago") and not last_wet and not started:
            continue
        if (
            hours
            and _SINCE_TREATMENT.match(text, match.end())
            and not _FOR.search(text, 0, match.start())
        ):
            continue  # "wees normal - 24 hours since the spinraza" dates the treatment
        value, unit = _number(match["n"]), match["u"]
        if not hours and unit.startswith("d"):
            continue  # a fit is timed in minutes: "10 days post zolgensma: no fits" is a date
        if (
            not hours
            and _RECOVERY.search(text, max(0, match.start() - 80), match.start())
            and not _OF_FITTING.match(text, match.end())
            and not _FITS_AGAIN.match(text, match.end())
        ):
            continue
        if unit.startswith("d"):
            value *= 24 * 60
        elif unit.startswith("h"):
            value *= 60
        elif unit.startswith("s"):
            value /= 60
        found.append(Measure(name, value / 60 if hours else value, match.start(), match.end()))
    for match in _HALF_HOUR.finditer(text):  # "for half an hour", "an hour and a half"
        value = 0.5 if match.group().startswith("half") else 1.5
        found.append(Measure(name, value if hours else value * 60, match.start(), match.end()))
    if hours:
        for phrase, value in _SINCE.items():
            at = text.find(phrase)
            if at >= 0 and text.startswith(" yesterday", at + len(phrase)):
                continue  # "since lunch yesterday" is its own, longer spell
            # "wetting nappies fine (5 since this morning)": a count since then, no dry spell
            if at >= 0 and not _COUNT_BEFORE.search(text, max(0, at - 60), at):
                found.append(Measure(name, value, at, at + len(phrase)))
    return found


# A liver blood test with its value: "ALT came back 480 today (60 last week)", "ALT 52"; not a
# multiple of the upper limit ("ALT 2x normal", "10x the upper limit"), which has no unit here.
_ALT = re.compile(
    r"\b(?:alt|ast|alanine aminotransferase)\b(?: [a-z]+){0,4} (?P<v>\d{2,4})(?! ?x\b| ?times)"
    r"(?: (?:to|and|then) (?P<v2>\d{2,4})(?! ?x\b| ?times))?\b"
)


def _alt(text: str) -> list[Measure]:
    """ALT in U/L; "went from 42 to 51" is read as its latest value."""
    return [
        Measure("alt", float(m["v2"] or m["v"]), m.start(), m.end()) for m in _ALT.finditer(text)
    ]


# A platelet count in 10^9/L (the unit UK labs report): "platelets came back 19 today",
# "plt 45". Not a percentage nor a count of days ("platelets checked 7 days after", "low wk 1").
_PLATELETS = re.compile(
    r"\b(?:platelets?|plts?|platelet count)\b(?: [a-z]+){0,4} "
    r"(?<!week )(?<!wk )(?<!day )(?<!month )(?<!year )(?<!dose )(?P<v>\d{1,3})\b"
    # nor a time: "platelet check is today at 2pm"
    r"(?! ?(?:%|°|days?|weeks?|months?|years?|hours?|times|x\b|am\b|pm\b|[:.]\d))"
)


def _platelets(text: str) -> list[Measure]:
    return [
        Measure("platelets", float(m["v"]), m.start(), m.end()) for m in _PLATELETS.finditer(text)
    ]


# Breaths counted in a minute: "70 breaths a minute", "68 breaths/min", "resp rate 72",
# "I counted his breaths for a full minute like the nurse taught us - 68". Not a heart rate
# ("bpm", "pulse") nor a number with another unit after it.
_BREATHS = re.compile(
    r"\b(?P<v>\d{2,3}) ?(?:breaths?|breathes)\b"
    r"|\b(?:rr|resp(?:iratory)? rate|breathing rate|breaths|respirations?)\b"
    r"(?: [a-z]+){0,10} (?:[-:\u2013] )?(?P<v2>\d{2,3})\b"
    r"(?! ?(?:%|°|kg|kgs|ml|mls|mg|bpm|months?|weeks?|years?|days?|hours?|hrs?|mins?|"
    r"minutes?|seconds?|secs?|times|x\b|out of|/ ?10))"
    # "breathing 64 a min counted twice", "breathing 70 time in one minute"
    r"|\bbreathing (?:at )?(?P<v3>\d{2,3}) ?(?:times? )?(?:a|an|per|/|in(?: a| one| 1)?) ?"
    r"min(?:ute)?\b"
    # "I counted 70 in one minute" (only where the sentence is about breathing)
    r"|\bcounted (?P<v4>\d{2,3}) (?:breaths? )?(?:in|per|a) (?:one |1 )?min(?:ute)?\b"
)
_HEART = re.compile(r"\b(?:heart|pulse|hr|bpm|sats?|oxygen|temp\w*)\b")


def _breathing_rates(text: str) -> list[Measure]:
    """Breaths per minute, as counted by a caregiver or read off a monitor."""
    found = []
    for match in _BREATHS.finditer(text):
        if match["v2"] and _HEART.search(text, match.start(), match.start("v2")):
            continue  # "breaths … heart rate 160" is the heart's, "… sats 94" the oxygen's
        if match["v4"] and not re.search(r"\b(?:breath|respir)", text):
            continue
        value = float(match["v"] or match["v2"] or match["v3"] or match["v4"])
        if 10 <= value <= 150:
            found.append(Measure("breaths_per_minute", value, match.start(), match.end()))
    return found


_UNITS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_DIGIT_WORDS = {w: str(i) for i, w in enumerate(["zero", *_UNITS])} | {"oh": "0", "nought": "0"}
_SPELLED_TENS = re.compile(rf"\b({'|'.join(_TENS)})(?:[ -]({'|'.join(_UNITS)}))?\b")
_SPELLED_HUNDRED = re.compile(r"\b(?:a|one) hundred(?: and)? (\d{1,2}|" + "|".join(_UNITS) + r")\b")
_SPELLED_POINT = re.compile(rf"\b(\d{{2,3}}) point ({'|'.join(_DIGIT_WORDS)})\b")


def spelled_numbers(text: str) -> str:
    """Readings written in words as digits: "thirty eight point four" -> "38.4"."""

    def tens(m: re.Match[str]) -> str:
        units = _UNITS.index(m[2]) + 1 if m[2] else 0
        return str(20 + 10 * _TENS.index(m[1]) + units)

    def hundred(m: re.Match[str]) -> str:
        rest = m[1] if m[1].isdigit() else str(_UNITS.index(m[1]) + 1)
        return str(100 + int(rest))

    # only tens and hundreds: "one bottle" or "two days" stay as written
    text = _SPELLED_TENS.sub(tens, text)
    text = _SPELLED_HUNDRED.sub(hundred, text)
    return _SPELLED_POINT.sub(lambda m: f"{m[1]}.{_DIGIT_WORDS[m[2]]}", text)
