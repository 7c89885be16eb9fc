"""ConText's phrase lists for red flags: the modifiers, pseudo-modifiers and terminators.

Each rule is (category, direction, regex) over normalised text (folded, apostrophes dropped,
tokens joined by single spaces). Directions: "f" forwards, "b" backwards, "fb" both, "i" the
words inside the phrase itself (a question frame), "s" forwards to the end of the sentence
through soft terminators (an instruction: "his action plan: epipen for any lip swelling, then
call 911"). context.py applies them.
"""

from __future__ import annotations

NEGATED, HISTORICAL, HYPOTHETICAL, OTHER, RESOLVED, FIGURATIVE = (
    "negated",
    "historical",
    "hypothetical",
    "other_person",
    "resolved",
    "figurative",
)
_NUM = (
    r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|few|"
    r"couple of|several|many)"
)
# "2 days ago she went stiff": days too; a phrase that dates a treatment ("spinraza 3 days ago
# and now…") is dropped by safety.py before it can scope anything
_AGO = rf"{_NUM} (?:days?|weeks?|months?|years?|yrs?|summers?|winters?|springs?|autumns?) ago"
_WEEKDAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
# a word that does not tell of the child now ("…his eyes are yellow today")
_NOT_NOW = (
    r"(?!(?:now|today|tonight|currently|since|is|are|has|have|hes|shes|theyre|its|hers|his)\b)"
)
# Someone's own child, as a stranger's story names them: "a mum told us her son…"
# "yellow" with up to three words before it, none of them the eyes or skin it would colour
_YELLOW_ON = r"(?:(?!eyes\b|eye\b|skin\b|whites\b)\w+ ){0,3}yellow"
THEIR_CHILD = (
    r"(?:her|his|their) (?:own )?(?:son|daughter|child|children|baby|kid|kids|boy|girl|"
    r"little one|toddler)s?\b"
)
# Who a clause is about, when it opens one ("he is not breathing", "my baby's lips…"): after
# "what should I do" it is a plea, not a question, and after "no" an answer, not a negation
_SUBJECT = r"(?:i|im|we|he|hes|she|shes|they|theyre|its?|my|our|his|her|their)"
# Modifier phrases: (category, direction, regex). Directions: "f" forwards, "b" backwards.
RULES: list[tuple[str, str, str]] = [
    (
        NEGATED,
        "f",
        r"no|not|never|without|isnt|arent|wasnt|werent|doesnt|dont|didnt|hasnt|havent|hadnt|"
        r"wont|cant|none|nor|neither|denies|denied|free of|absence of|ruled out|nothing|nae|"
        # families' first languages: "hindi naman hirap huminga", "nie ma gorączki", "não tem"
        r"hindi naman|wala naman",
    ),
    # …and Hindi/Urdu, after what it negates: "aankhen peeli nahi hain", "bukhar nahi hai"
    (NEGATED, "i", r"(?:\w+ ){1,2}(?:nahi|nahin) (?:hai|hain|he|hei)\b"),
    (HISTORICAL, "fb", _AGO),
    # an anniversary: "2 years ago tonight she stopped breathing in my arms"
    (HISTORICAL, "f", rf"{_AGO} (?:today|tonight|this week)"),
    (HISTORICAL, "fb", r"(?:\d+|a few|two|three|four|five) (?:days?|weeks?|months?) back"),
    # a year gone by: "a reaction to penicillin in 2022"
    (HISTORICAL, "fb", r"(?:in|back in|during) (?:19|20)[0-2]\d\b"),
    # a day named in the past tense: "her lips swelled slightly after kiwi on Saturday"
    # as "ago", in learners' English: "fever was there 3 days before, but now it is gone"
    (
        HISTORICAL,
        "fb",
        r"(?<!from )(?<!since )(?<!for )(?:\d+|a few|two|three|four|five) (?:days?|weeks?|months?) "
        r"before(?= [,.;!?]| but\b|$)",
    ),
    (
        HISTORICAL,
        "fb",
        r"last (?:week|month|year|summer|winter|spring|autumn|fall|christmas|time|term)|"
        r"years? ago|months ago|in the past|used to|history of|previously|back then|"
        r"back in \w+|in \d{4}|as a (?:baby|newborn|toddler|child)|once had|"
        r"at the time|"
        r"at \d+ (?:months?|years?|weeks?)(?: old)?|years before|long before|newborn|"
        # an age left behind: "one febrile convulsion age 2, none since, now 5"
        r"aged? \d+(?= (?:\S+ ){0,8}now (?:aged? )?\d+)|"
        r"in (?:his|her|their|my|the) first (?:week|month|year)s?(?: of life)?|"
        r"always (?:had|been|has|have)|"
        rf"last {_WEEKDAY}|the (?:day|night|week|month) before|"
        r"at the weekend|last weekend|(?:at|over) (?:christmas|easter|half term)|"
        r"(?:in|last) (?:january|february|march|april|may|june|july|august|september|october|"
        r"november|december)|turned out to be|"
        r"when (?:he|she|they|i|we) (?:was|were) (?:a baby|little|younger|small|tiny|born|"
        r"newborn|first diagnosed|diagnosed|\d+)|before (?:his|her|their|my) (?:\w+ )?diagnosis|"
        r"when (?:he|she|they) born",
    ),
    # "ago" in families' first languages: "hace 2 años" (not "desde hace": still going),
    # "2 tygodnie temu", "2 din pehle", "2 hafta önce"
    (
        HISTORICAL,
        "fb",
        r"(?<!desde )hace (?:\d+|un|una|dos|tres) (?:dias?|semanas?|mes|meses|anos?)|"
        r"\d+ (?:dni|dzien|tygodni\w*|miesi\w*|lat|lata|rok) temu|"
        r"\d+ (?:din|hafte|hafta|mahine|mahina|saal) (?:pehle|pahle)|"
        r"\d+ (?:gun|hafta|ay|yil) once",
    ),
    # "last month's funny turn was a febrile convulsion": the possessive dates what follows it
    # only ("the headache from last week's dose is still bad" is now)
    (HISTORICAL, "f", r"last (?:weeks|months|years|summers|winters|christmases|nights)"),
    # "last loading dose her site went red": what follows is then; "we ran out, last dose was
    # yesterday" still counts
    (
        HISTORICAL,
        "f",
        r"last (?:loading |maintenance )?(?:dose|injection|infusion|procedure|admission|course)",
    ),
    (
        HYPOTHETICAL,
        "f",
        r"if|in case|what if|whether|hypothetically|"
        # "showing signs of struggling to breathe" is what is happening, not a question
        r"(?<!showing )(?<!shows )(?<!shown )(?<!got )(?<!has )(?<!developed )(?<!developing )"
        r"signs? of|"
        r"symptoms? of|warning signs?|"
        r"(?:what|which) (?:signs?|symptoms?)|"
        r"(?:what|which) (?:breathing|danger|warning|early|serious) (?:signs?|symptoms?) "
        r"(?:mean|should|would|do|are)\b|"
        r"(?:what (?:are|is)|whats) the (?:signs?|symptoms?)|"
        # …asked inside another question: "could you tell me what the signs are that a cold…"
        r"what the (?:\w+ )?(?:signs?|symptoms?) are|"
        r"how (?:do|would|will|can|could|should|to) (?:i|we|you|one|parents)? ?(?:even |ever )?"
        r"(?:know|tell|spot|recognise|recognize|check)|"
        r"watch(?:ing)? (?:out )?for|look(?:ing)? (?:out )?for|keep an eye (?:out )?for|"
        r"risks? of|chances? of|likely|likelihood|how (?:common|often|likely|rare)|"
        r"side effects? (?:like|such as|include|including|are)|"
        r"when (?:should|do|does|would|to|can|must|will)|"
        # …but not a plea before what is happening: "what should i do he is not breathing",
        # "what to do my baby's lips are turning blue" (typed without a stop between)
        rf"what (?:should|do|would|to)(?: (?:i|we|you))? do(?! (?:{_SUBJECT}|ive|were|weve|baby|"
        r"babys|son|daughter|child|kid|toddler|boy|girl)\b)|"
        # "¿cómo se ve la ictericia…?", "o que é…", "jak wygląda…"
        r"(?<!mira )como se ve (?:la|el)|que es la|ano ang mga palatandaan|"
        r"what happens|do (?:i|we) need to|should (?:i|we) worry(?= (?:about|if|when|whether))|"
        # "ever", but not a comparison with all that has been: "worse than I've ever seen"
        r"(?<!than ive )(?<!than weve )(?<!than i have )(?<!than we have )(?<!than hes )"
        r"(?<!than shes )(?<!than its )(?<!than i )(?<!than we )(?<!than )ever|"
        r"in the event|plan for|"
        r"prevent|avoid|worry about|is there a risk|any risk|"
        # "what should I ask about seizures?": a subject to discuss, not an event
        r"ask (?:\w+ )?about|asking about|questions? about|read(?:ing)? about|learn(?:ing)? about|"
        # what a written plan covers: "ours covers seizures and breathing"
        r"(?:ours|it|the plan|plan) (?:covers|includes|lists|mentions)|"
        r"(?:would|could|might|can|will|does|do) (?:a|an|any)|"
        r"what (?:are|is) (?:the )?(?:common|usual|typical|main|most common)",
    ),
    # Question frames govern the words inside them: "is a puffy face a side effect of…?",
    # "does evrysdi help with choking?", "what do petechiae look like?"
    (
        HYPOTHETICAL,
        "i",
        r"(?:can|could|does|do|did|will|would|might|may) (?:\w+ ){0,4}"
        r"(?:cause|causes|lead to|leads to|trigger|triggers|result in|give (?:you|them|him|her))"
        r"(?: \w+){0,6}|"
        r"(?:is|are|can|could) (?!(?:this|it|that|these|those|they|she|he)\b)(?:\w+ ){1,8}"
        r"(?:a |an )?(?:common |known |possible |normal |usual |rare )?side effects?|"
        r"(?:does|do|can|will|would|could|might) (?:\w+ ){1,3}"
        r"(?:help|improve|treat|affect|reduce|prevent|stop|change|increase|raise|lower)"
        r"(?: \w+){0,8}|"
        r"what (?:do|does|would|will) (?:\w+ ){1,4}look like|what (?:\w+ )?counts as(?: \w+){0,4}|"
        # a definition asked for: "what does 'laboured breathing' mean on the discharge sheet?"
        r"what (?:does|do|is|are) (?:\w+ ){1,5}mean|(?:meaning|definition) of(?: \w+){1,4}|"
        r"(?:spotting|recognising|recognizing)(?: \w+){0,4}|"
        r"\w+ risks?\b",
    ),
    (
        OTHER,
        "f",
        r"some (?:children|kids|babies|patients|people|parents|adults)|"
        # a child without SMA, another mother in the group: "my other kid (no SMA) fell off…"
        r"my other (?:kid|child|son|daughter|boy|girl|baby|one)s?|"
        # the child's brother or sister: "her brother's hay fever makes his eyes puffy", "older
        # sister has a tummy bug"
        r"(?:(?:his|her|their) (?:big |older |little |younger )?(?:brother|sister)s?|"
        r"(?:^|(?<=[.!?;] ))(?:big|older|eldest) (?:brother|sister)s?)\b(?!(?: \w+){0,2} (?:says|"
        r"said|noticed|spotted|saw|found|thinks|rang|texted|called|told|woke)\b)|"
        # a grandparent's own: "Grandad's got a temp of 38 and a stiff neck from gardening" (not
        # what they saw: "Grandma says he's floppy", "Grandpa babysitting. Just found blood…",
        # "Gran: 38.6, spinraza 2 days ago")
        r"(?:^|(?<=[.!?;] ))(?:grandma|grandad|grandpa|granny|nana|gran)s?\b"
        # "Gran: 38.6", "Nana: she's floppy": a note from them (the colon is read as a space)
        r"(?! \d| (?:shes|hes|she|he|baby|the baby|they|theyre|lips|his|her)\b)"
        r"(?!(?: \w+){0,5} "
        r"(?:says|said|rang|texted|called|phoned|thinks|reckons|noticed|spotted|found|saw|woke|"
        r"babysitting|looking after|minding|here|admitted|admits)\b)|"
        # the parent's own, set apart: "my husband (no SMA) has a chest infection", "I've got a
        # bit of jaundice myself"
        r"my (?:husband|wife|partner|hubby) (?:no sma|who doesnt have sma|doesnt have sma)\b|"
        r"(?:ive|i have) got(?= (?:\w+ ){1,4}myself\b)|"
        r"another (?:mother|mum|mom|parent|dad|father|family|mums|moms)|"
        r"other (?:children|kids|babies|patients|parents|people|families)|"
        # (what the writer saw elsewhere, not on the child: "when I bathed her I saw bruises")
        r"(?:i|we|ive|weve) (?:read|heard|have read|have heard)|"
        r"(?:i|we|ive|weve) (?:saw|seen|have seen)(?= (?:on|in|online|somewhere|a (?:post|video|"
        r"thread|story|programme|program)|that (?:some|other|a)|other|people)\b)|"
        r"(?:in|during) (?:the )?"
        r"(?:trials?|stud(?:y|ies)|clinical trials?)|people (?:say|said|report)|"
        r"(?:has|have|was|were) been reported|reported in|the leaflet|the label|the website|"
        r"(?:children|kids|babies|people|patients|adults) with sma|"
        r"(?:leaflet|label|website|booklet) (?:mentions|says|lists|warns)|"
        r"my (?:(?:wifes|husbands|partners) (?=friend|colleague|neighbo))?(?:nephew|niece|cousin|"
        r"friend|friends|neighbour|neighbor|colleague|uncle|aunt|mum|mom|dad|nan|gran|grandma|"
        r"grandad|grandpa|granny)s?\b"
        # …who saw it happen or has our child: "my colleague says I stared blankly", "my mum
        # rang: the baby's got new bruises", "my mum's got her - temp 39.2"
        r"(?: (?:just )?(?:says|said|told us|told me|thinks|reckons|"
        # (not "my mum called the GP", "my mum's rung in sick")
        r"(?:rang|rung|called|phoned|texted|messaged)"
        r"(?= (?:me|us|to say|that|the baby\w*|the kids|our)\b| [,.;:!?–-]|$)|"
        r"(?:has |s )?got (?:him|her|them|the baby|the kids)"
        r"(?= [,.;!?–-]| tonight| today| and| while| because| so| for| at)|(?:is )?(?:looking "
        r"after|minding|babysitting) (?:him|her|them|the baby))\b(?: (?:me|us)\b)?)?|"
        r"(?:a|one|another) (?:boy|girl|child|kid) (?:in|at|from)|at (?:school|nursery)|"
        r"(?:the|a|another|one) (?:\w+ )?(?:baby|child|kid|boy|girl|patient|man|woman|lady) "
        r"(?:in|on|at|from|across) (?:the )?(?:next|other|same|opposite) "
        r"(?:bed|cot|bay|room|ward|cubicle)|next door|"
        r"(?:bed|cot|bay|cubicle) next to (?:us|ours|me|mine)|"
        # a story watched: "watched a programme last night where a baby…", "saw something on a
        # TV show about sunken fontanelles", "a character on Holby" (not "watching a film with
        # him when…")
        r"(?:watched|saw) (?:a|an|the|something on (?:a|the))(?= (?:\w+ ){0,3}(?:programme|program|"
        r"documentary|drama|episode|scene|show)(?: \w+){0,3} (?:where|about|in which|"
        r"on (?:the )?(?:tv|telly|holby|casualty|netflix|youtube))\b)|"
        r"(?:a|the) character (?:on|in)|"
        # a stranger's post about their own child: "someone on Facebook says their son's…",
        # "a forum post said a child got hives"
        r"(?:someone|somebody) (?:on|in) (?:facebook|fb|instagram|tiktok|reddit|(?:a|the|my|our) "
        rf"(?:\w+ ){{0,2}}(?:forum|group|chat)) (?:says|said|posted|wrote)(?= {THEIR_CHILD})|"
        r"(?:a|one|the) (?:forum |facebook |fb )?(?:post|thread) (?:said|says|about|where)"
        r"(?= (?:a|one|some|their) )|"
        # "a guy in my SMA adults group says he…" (followed while "he" goes on)
        r"(?:a|one) (?:guy|man|bloke|woman|lady) (?:in|on|from) (?:my|our|the|a) (?:\w+ ){0,3}"
        r"(?:group|forum|chat|page) (?:says|said|told us|told me)|"
        # someone else's child: "my sister's baby (no SMA)", "our friend's son"
        r"(?:my|our|a) (?:(?:wifes|husbands|partners|mums|dads) )?(?:sisters|brothers|friends|"
        r"cousins|neighbours|neighbors|sister in laws|brother in laws) (?:\w+ )?(?:baby|babies|"
        r"child|kid|son|daughter|boy|girl|little one)|"
        r"anyone on here|anyone else|if anyone|not us|not mine|"
        # "my son's classmate has anaphylaxis", "a mum in our facebook group said her son…"
        r"(?:his|her|their|my|our|sons|daughters|childs) (?:class ?mates?|school ?friends?)|"
        r"(?:a|one|another) (?:mum|mom|mother|dad|father|parent) (?:in|on|from) (?:our|my|the|a) "
        r"(?:\w+ )?(?:group|forum|chat|page)|"
        # someone else's story: "at support group a mum told us her son stopped breathing once"
        r"(?:a|one|another|some) (?:mum|mom|mother|dad|father|parent|friend|lady|woman|man) "
        rf"(?:\w+ ){{0,4}}(?:told|tells) (?:us|me)(?= {THEIR_CHILD})|"
        r"in (?:his|her|their) class|"
        r"(?:babies|children|kids|people|patients) (?:often|usually|sometimes|can|may|might)|"
        r"(?:sheet|leaflet|letter|card|booklet|instructions|nurse|doctor|they|team|website|label|"
        r"consultant|gp|neurologist|neuro|"
        r"physio|physiotherapist|dietitian|dietician|pharmacist|paediatrician|pediatrician|"
        r"specialist|ward|unit|hospital|grandma|grandad|granny|nan|midwife|health visitor) "
        r"(?:says|said|told us|told me|mentioned|lists|listed|warned|explained)"
        # …unless they say how the child is: "the nurse said he looked a bit yellow"
        # (not "the neurologist said he was unlikely to have a seizure")
        r"(?! (?:that )?(?:he|she|they|hes|shes|theyre) (?:looks?|looked|seems?|seemed|is|was|"
        r"were|are)\b(?! (?:un)?likely|at risk|going to|bound to|not\b))",
    ),
    (
        RESOLVED,
        "b",
        r"(?:went|eased|settled|improved|cleared|faded) (?:away )?with|"
        # without the past ending, as a learner writes it: "nosebleed … stop after 2 minutes"
        r"stop(?:ped)? (?:after|with|by itself|on its own|in \d+ (?:minutes?|mins?|seconds?))|"
        # not "…stopped when I pinched it but now it's started again"
        r"(?:stop(?:ped)? (?:when|once|as soon as) (?:i|we|he|she|they) (?:pinched|pressed|"
        r"squeezed|held)|(?:already |now )?(?:much|loads|lots|a lot) better (?:today|now|"
        r"this morning))(?![^.!?]* (?:but|again|another|still|now)\b)|"
        r"(?:it|its|that|thats|this|which|they|bleeding|vomiting|rash|fever|headache) "
        r"(?:has |had |have |all |is )?(?:stopped|settled|eased|cleared|resolved|gone|went away|"
        r"passed|disappeared|recovered|faded)(?! (?:them|it|his|her|their|the feeds?|feeding)\b)"
        # a state it has turned into, not one that has gone: "it's gone numb", "gone all floppy"
        r"(?<! gone(?= (?:(?:very|really|so|a bit) )?(?:numb|floppy|limp|blue|grey|gray|pale|white|"
        r"yellow|stiff|cold|red|purple|dark|quiet|weak|dead|mottled|dusky|all|worse|black|green|"
        # …or the time it has got to: "no wet nappy since 5 and it's gone 4am"
        r"up|\d+(?! ?(?:minutes?|mins?|hours?|hrs?|seconds?|secs?|days?|weeks?)\b)|midnight|"
        r"midday|noon|half past|quarter past|quarter to)\b))|"
        r"went away|gone away|went straight away|gone straight (?:away|after)|cleared up|"
        r"cleared (?:straight|right) away|coughed it (?:up|out) (?:straight|right) away|"
        r"cleared it (?:himself|herself|themselves|on (?:his|her|their) own)|"
        r"coughed it (?:straight|right) (?:up|out)|"
        r"coughed it (?:up|out) (?:himself|herself|themselves|on (?:his|her|their) own)|"
        r"pinked (?:back )?up (?:straight|right) away|"
        r"(?:it|swelling|the swelling) went down|stopped with (?:pressing|pressure|pinching)|"
        # "the swelling went, and…", "it was gone by Monday", "it all went after three days";
        # not "I thought it was gone but it's back", "it went after a few hours then came back"
        r"(?<!thought )(?<!hoped )(?:the (?:swelling|rash|fever|temperature|temp|headache) went"
        r"(?= [.,;!?]| and\b)|(?:it|the fever|the temperature|the temp) (?:was|were) (?:all )?gone|"
        r"it (?:all )?went after (?:\w+ ){0,3}(?:days?|hours?|weeks?))"
        r"(?![^.!?]* (?:back|again|worse|still|returned|keeps|last time|for a bit|for an hour|"
        r"for a while|with calpol|with paracetamol|then|but|now)\b)|"
        r"(?:cleared|went|gone|settled|faded) (?:up |away )?(?:at|by) \d+ (?:days?|weeks?|months?)|"
        r"(?:pressing|pressure) with stopped|"
        # a lifelong state, not a new one: "can't lift her legs and hasn't for 20 years"
        r"(?:hasnt|has not|havent|have not) (?:been able to )?for (?:\d+|many) years|"
        r"(?:it|its) is gone|"
        r"settled down|fine now|ok now|unblocked it|working again|(?:its|it is|all) working now|"
        # Irish "grand" is fine: "home now and grand"
        r"(?:hes|shes|theyre|and|all|home|now) grand\b(?! (?:mal|ma|da|dad|parents?)\b)|"
        # a lifelong state, not a new one: "his legs have been weak since diagnosis"
        r"(?:since|from) (?:diagnosis|birth|(?:he|she|they) (?:was|were) (?:born|diagnosed))|"
        r"stopped (?:quickly|fast|straight away|right away|by itself|on its own)|"
        r"gone (?:today|now|this morning|overnight)|"
        r"perked (?:right |back )?up|"
        r"(?<!never )(?<!not )(?<!doesnt )(?<!wont )"
        r"settles (?:in|within|after) (?:a|one|\d+|a couple of|a few) (?:minutes?|mins?)|"
        r"sats stay (?:fine|normal|ok|okay|good)|"
        r"(?:but )?now (?:he|she|they) (?:is |are )?(?:completely |totally )?(?:fine|well|better)|"
        r"okay now|better now|back to normal|all good now|fully recovered|recovered fully|"
        r"back to (?:him|her|them)sel(?:f|ves)|"
        r"was fine after|were fine after|no problems since|fine since|"
        # over and done: "went in a day with cream", "gone before discharge and never came back",
        # "back to her normal breathing straight away", "it washed off fine"
        r"(?:went|cleared|faded|settled)(?: away| up)? (?:in|within) "
        r"(?:a|one|\d+|a couple of|a few) (?:days?|hours?)"
        r"(?![^.!?]* (?:back|again|worse|still|but|now)\b)|"
        r"gone before (?:discharge|we left|we went home)|never came back|"
        r"(?:have|has|theyve|its) come (?:right |back )?down|"
        r"back to (?:his|her|their|my) normal (?:breathing|self|colour|color)|"
        r"(?<!havent )(?<!hasnt )(?<!not )(?<!wont )(?<!didnt )(?<!doesnt )"
        r"(?:washed|wiped) off(?! (?:\w+ )?(?:but|and still|again)\b)|"
        r"(?:spots|bruises|rash|marks) (?:have|has) (?:all )?(?:gone|faded|cleared)"
        r"(?= [.,;!?]|$| and\b)|"
        # not "the local should have worn off by now", "it never wore off"
        r"(?<!should have )(?<!shouldve )(?<!should of )(?<!would have )(?<!wouldve )"
        r"(?<!ought to have )(?<!hasnt )(?<!havent )(?<!fully )(?<!not )(?<!never )"
        r"(?:wore|worn) off|"
        r"then (?:it|he|she) was fine|then (?:hes |shes |he is |she is |theyre |its )?fine|"
        r"then (?:it|they) (?:goes|go|passes|pass|wears off)(?: away)?(?= [.,;!?]|$)|"
        r"wears off|(?:has|have|had) stopped|stopped after|all sorted|sorted now|"
        r"(?:cleared|settled|treated|sorted) (?:up )?(?:with|by|after)|"
        r"(?:it|that|this|which|they) (?:has |had |have |all )?healed|"
        r"healed (?:up|completely|fully)|"
        r"(?:dealt with|handled|managed) it|long gone|"
        # a reading the probe explains: "showed 88 because the probe was half off her toe"
        r"(?:probe|sensor|sticker) (?:was|had come|came|fell|slipped|had slipped) "
        r"(?:half |partly |partially |a bit )?(?:off|loose)|"
        # a dose brought back up and given again: "…said to redo the dose, which stayed down"
        r"(?:which|it|that) (?:has )?(?:stayed|stays) down|"
        # a passing sensation: "pins and needles when I've sat too long, it goes when I shift"
        # but a headache that goes lying down and comes back sitting up is the red flag itself
        r"(?:it|they|that) (?:goes|go|passes|pass|wears off) (?:away )?"
        r"(?:when|after|once|as soon as)"
        r"(?! (?:i|we|he|she|they|you)(?:s| is| am| are)? (?:lies?|lay|lays|lying) (?:down|flat)"
        r"[^.!?]* (?:comes?|came|coming|is|its) (?:straight |right )?back)|"
        r"(?:gone|went away|passed|stopped) (?:once|as soon as|when) (?:i|we|he|she|they) "
        r"(?:moved|shifted|stood up|sat up|got up|changed position)|"
        r"(?:fully|completely|totally) (?:cleared|resolved|recovered|healed|gone)|"
        # "vomited once that evening and has fed normally since"
        r"(?:has |have |had )?(?:fed|eaten|drunk|drank|been feeding|been eating|been drinking) "
        r"(?:normally|fine|well|ok|okay) (?:ever )?since|"
        r"then (?:fed|ate|drank|fed and slept) (?:normally|fine|well|ok|okay|again)|"
        # "dry nappy this morn but weed loads since"
        r"(?<!hasnt )(?<!not )(?:weed|peed) (?:loads|lots|plenty|a lot)\b|"
        r"(?:done|had) (?:loads|lots|plenty) of wees\b|"
        # the team's word on it: "black poo since the iron drops, which the GP said is expected"
        r"(?:gp|doctor|nurse|team|consultant|pharmacist|neuro) (?:said|says|told us) "
        r"(?:\w+ ){0,2}(?:is |was |its |are )?(?:expected|normal|nothing to worry about|harmless|"
        r"benign)",
    ),
    (RESOLVED, "f", r"no more|no longer|(?:has|have|had )?stopped"),
    # newborn jaundice gone: "it was normal jaundice and went off with phototherapy"
    (
        RESOLVED,
        "i",
        r"(?:jaundice|it|that|yellow\w*) (?:\w+ ){0,2}(?:went|gone) off with (?:the )?"
        r"(?:photo ?therapy|lights?|treatment)",
    ),
    # one finished event, then nothing: "vomited once on the 5th, nothing since"
    (
        RESOLVED,
        "i",
        r"\w+ (?:once|one time|twice)(?: \S+){0,8} (?:nothing|none|no more) since"
        r"(?= [.,;!?]| and\b| but\b|$)",
    ),
    # "the form asks about jaundice history": that word's history, not an event now
    (HISTORICAL, "i", r"\w+ history"),
    # a lifelong state, a few words back: "his legs have been weak since birth because of his
    # SMA", "my legs are weak because of my SMA" (not "…since birth but since the LP she can't
    # move them", "weak from her SMA but worse since the LP")
    (
        HISTORICAL,
        "b",
        r"(?:since birth|from birth|for (?:many )?years because of (?:his|her|their|my) sma|"
        # …or the baseline said to be unchanged: "my legs are weak because of my SMA and
        # they're no different since Monday's LP" (not "is that because of his SMA?")
        r"(?:because of|from|due to) (?:(?:his|her|their|my) )?sma(?=[^.!?]* (?:same as|no "
        r"different|nothing new|no change|as always|exactly (?:how|as|the same))\b))"
        r"(?![^.!?,–]* (?:but|now|today|suddenly|worse|since (?:the|his|her|my|yesterday|this))\b)",
    ),
    # a recovery's time is no fit's length: "back to himself in 10 min"
    (
        FIGURATIVE,
        "i",
        r"(?:back to (?:him|her|them)sel(?:f|ves)|back to normal|came round|recovered) in "
        r"\d+ ?(?:mins?|minutes?|hours?|hrs?)",
    ),
    # evidence against, after "but": "grandma says he looks dehydrated …, but he's had 6 wet
    # nappies and is drinking lots"
    (
        RESOLVED,
        "b",
        r"but (?:(?:hes|shes|he|she|theyve|theyre|they)(?: has| have| is| are)?(?: had)? )?"
        r"(?:(?:\d+|four|five|six|seven|eight|plenty of|lots of) wet (?:nappies|diapers)|"
        r"(?:drinking|feeding|eating|fed|ate|drank) (?:lots|well|fine|normally|loads)|"
        r"a (?:big|good|long|full|proper) (?:drink|feed|bottle))",
    ),
    # "only two wet nappies that day, but since Monday she's back to 6-7 a day"
    (
        RESOLVED,
        "b",
        r"(?:shes|hes|theyre|she is|he is|they are) back to (?:\d+ ){1,2}(?:wet |a day|nappies)",
    ),
    # a baby's poo is yellow: "should his poos be this mustard-yellow colour?" (not the eyes)
    (
        FIGURATIVE,
        "i",
        r"(?:poos?|poops?|stools?|nappies|nappy|diapers?)"
        r"(?: (?!eyes|skin|whites|and\b|,)\S+){0,5} (?:yellow|mustard)\w*(?: colou?r)?"
        r"(?!(?: [^\s.,;!?]+){0,4} (?:eyes|skin|whites|sclera|face|palms))",
    ),
    # "…but it's been completely normal since yesterday", "has been totally settled since"
    (
        RESOLVED,
        "b",
        r"(?:but )?(?:its|it has|hes|shes|he has|she has|theyve|they have|(?:his|her|their) \w+ "
        r"(?:has|have)) been (?:completely |totally |perfectly |absolutely )?(?:normal|fine|"
        r"settled|well|ok|okay|great) (?:ever |every \w+ )?since",
    ),
    # evidence against in the same clause: "wakes normally, just a bit sleepier", "vomited once
    # …, kept the rest of her feeds down"
    (
        RESOLVED,
        "fb",
        r"wakes? (?:up )?(?:normally|easily|fine|as normal)|easy to wake|"
        r"(?<!not )(?<!hasnt )(?<!havent )(?<!never )(?<!cant )kept (?:the rest of |all of |"
        r"most of |all |every )?(?:his |her |their )?(?:feeds?|milk|food|bottles?|drinks?|fluids?|"
        r"everything else|the rest) down",
    ),
    # an expected, explained state: "no drink since 7am because he's nil by mouth"
    (RESOLVED, "fb", r"nil by mouth|fasting for|fasted for|starved for"),
    # "fever-free", "seizure free": a negation that looks back (medspaCy's rule too)
    (NEGATED, "b", r"free|none of (?:it|them|that|those|these)|all (?:clear|negative|fine)"),
    # words of understanding, not symptoms: "a little confused by how…", "confused about the dose"
    (
        FIGURATIVE,
        "i",
        r"(?:confused|confusing|confusion) (?:by|about|over|as to|with|on|why|how|what|whether|"
        r"which|if)|(?:is|was|its|so|very|bit|little) confusing",
    ),
    # "answer" as information, not a child's response: "we haven't got an answer from the
    # insurer", "questions I can't answer", "the clinic didn't answer my email" ("couldn't get
    # an answer out of him" is a child's)
    (
        FIGURATIVE,
        "i",
        r"(?:\w+ ){0,3}(?:got|get|getting|gotten|had|have|has|having|received|receive|"
        r"waiting for|wait for|waited for|found|find|need|needs|needed|want|wanted) (?:an|any|a|"
        r"the|no|some|straight|clear|proper|definite|real) (?:\w+ )?answers?\b(?! out of)|"
        r"\b(?:i|we|im) (?:\w+ )?(?:cant|cannot|couldnt|dont|didnt|wont) answer\b|"
        r"(?:\w+ ){0,2}(?:answer|answered|answering) (?:my|our|the|their|your) (?:questions?|"
        r"emails?|messages?|letters?|texts?|queries|query|appeal)\b",
    ),
    # a healing bruise changes colour: "the bruise is going yellowy green now"
    (
        FIGURATIVE,
        "i",
        r"bruis\w* (?:\S+ ){0,18}(?:going|gone|turning|turned|is|now|fading) (?:a bit |all )?"
        r"(?:yellow\w*|green\w*|brown\w*)(?: (?:and|or)? ?(?:yellow\w*|green\w*|brown\w*))?",
    ),
    # a rash that fades under a glass is the reassuring sign (NHS glass test)
    (
        NEGATED,
        "b",
        r"(?<!not )(?<!nt )(?:fade|fades|faded|disappear|disappears|blanch|blanches|go away|"
        r"goes away) (?:when|under|with) (?:\w+ ){0,4}(?:press\w*|glass)",
    ),
    # "he stares but snaps out of it when I say his name": responsive
    (FIGURATIVE, "i", r"(?:snaps?|snapped|comes?|came) out of it"),
    # an instruction planned: "what should his PAs be trained on for seizures?"
    (
        HYPOTHETICAL,
        "i",
        r"(?:should|must|need to|needs to) (?:\w+ ){0,3}(?:be )?trained (?:on|in|for)[^.!?]*",
    ),
    # relief: "he's PINK and giggling", "she's up now, chatting", "totally herself"
    (
        RESOLVED,
        "b",
        r"(?:hes|shes|theyre) (?:all |back to )?pink (?:again )?and (?:giggling|laughing|smiling|"
        r"playing|chatting|happy|fine|feeding)|"
        r"(?:hes|shes|theyre) up now(?: ,)? (?:chatting|eating|playing|laughing)|"
        r"(?<!not )(?:totally|completely) (?:him|her|them)sel(?:f|ves)|"
        r"turns out (?:\w+ ){0,2}(?:just|only) (?:fallen asleep|asleep|sleeping|tired|teething)",
    ),
    # a trick of the light: "thought he looked yellow under the lamp … it's just the lamp"
    (
        FIGURATIVE,
        "i",
        r"thought (?:he|she|they|it|(?:his|her|their) (?:eyes|skin|face|lips)) look(?:ed|s) "
        r"(?:\w+ )?(?:yellow|blue|grey|pale)"
        r"(?=[^.!?]* (?:just|only|(?:they|doctor|clinic|nurse|gp|team) said it was) the "
        r"(?:lamp|light|lighting|bulb|lights)\b)",
    ),
    # the dressing's glue: "skin where plaster stick after spinal injection little red"
    (
        FIGURATIVE,
        "i",
        r"where (?:the )?(?:plaster|tape|dressing) (?:was |is )?(?:stuck|stick\w*)(?: \S+){0,6}",
    ),
    # a threshold asked for a plan: "what sats number should make me call an ambulance?", "at
    # what oxygen level should I call 999 for my daughter?"
    (
        HYPOTHETICAL,
        "i",
        r"(?:(?:what|which) (?:\w+ ){0,2}(?:number|level|reading|percentage|temperature|temp) "
        r"(?:should|would) make (?:me|us|you)|at what (?:\w+ )?(?:number|level|reading|percentage) "
        r"(?:should|do|would) (?:i|we)) (?:call|ring|phone) (?:an ambulance|999|911|112|for help)"
        r"(?: for (?:my|our) \w+)?"
        # "…rather than my respiratory team?", "…or the ward?" (not "…or is 86 ok for now")
        r"(?: (?:rather than|instead of)(?: [^\s?.!;]\S*){1,6}|"
        r" or (?:just )?(?:the |my |our |his |her |a |an )(?:\w+ ){0,2}\w+)?(?= \?|$)",
    ),
    # a search typed into the chat ends on what it looks for: "febrile seizure signs baby",
    # "sunken fontanelle meaning", "blood in urine causes child list" (not "she has all the
    # signs", "these are signs")
    (
        HYPOTHETICAL,
        "b",
        r"(?<!the )(?<!all )(?<!any )(?<!are )(?<!these )(?<!showing )(?<!shows )(?<!has )"
        r"(?<!with )\b(?:signs?|symptoms?|causes?|meaning|list|normal range)"
        r"(?: (?:in|of|for))?(?: (?:an? |sma |the )?(?:baby|babies|child|children|kids?|toddlers?|"
        r"adults?))?(?: list)?(?= [?.!]|$)",
    ),
    # "For dehydration which signs should we watch?"
    (HYPOTHETICAL, "b", r"(?:which|what) (?:signs?|symptoms?) should (?:i|we) (?:watch|look)"),
    # a risk asked about ("does SMA make seizures more likely?") and a plan for a day that may
    # come, asked ("how long should I wait before calling an ambulance if she ever has a
    # seizure?"; not "mum said ring 999 if he ever went floppy, and he's floppy now")
    (
        HYPOTHETICAL,
        "b",
        r"(?:more|less) likely(?= [?.!]| for| in|$)|if (?:\w+ )?ever\b(?=[^.!]*\?)",
    ),
    # "wondering if the old jaundice matters"
    (HISTORICAL, "i", r"(?:old|previous|earlier|past|newborn) (?:jaundice|seizures?|fits?)"),
    # a bitten lip: "lip swelled a bit from biting it at dinner", "lip swelled a little after she
    # bit it", "puffy because she's been chewing it"
    (
        FIGURATIVE,
        "i",
        r"(?:lip|lips|tongue|cheek) (?:swell\w*|swollen|puffy|fat)(?: \S+){0,3} from "
        r"(?:biting|bit|a bump|bumping|the dentist)|"
        r"(?:lip|lips|cheek)(?: is| was)? (?:a bit |a little |slightly )?(?:swollen|puffy|fat|"
        r"swelled(?: a bit| a little)?) (?:where|after) (?:i|he|she|they) (?:bit|bumped|banged|"
        r"chewed) (?:it|them)\b|"
        # the lip itself chewed, not a food: "because she's been chewing it"
        r"(?:lip|lips|cheek)(?: (?!and\b)[^\s.,;!?]+){0,3} (?:swollen|puffy) because "
        r"(?:\w+ ){0,3}(?:chewing|chewed|biting|bit|sucking|sucked|bumped|banged|knocked) "
        r"(?:it|them|on it)\b",
    ),
    # breathing said to be fine is no airway sign: "no swelling of her lips, breathing fine"
    (
        NEGATED,
        "i",
        r"breath\w* (?:is |was |seems |looks )?(?:fine|normal|normally|ok|okay|easily|"
        r"comfortably|unaffected)(?! (?:until|till|but|then|before)\b)",
    ),
    # pale wee is a well child's: "his wees are pale and his poos are normal"
    (
        FIGURATIVE,
        "i",
        r"(?:wees?|urine|pees?|weeing|peeing)(?: (?:is|are|was|were|looks?|nice|and|normal|"
        r"normally|very|really|quite|a))* (?:pale|clear|light)(?: yellow| straw)?\b"
        # not "her wee was pale this morning but now it's dark brown"
        r"(?!(?: \S+){0,10} (?:dark\w*|brown|cola|coke|tea|orange|amber|red|pink|blood\w*)\b)",
    ),
    # the steroids' round "moon face", not an allergic swelling: "her face is a bit puffy and
    # round on the pred"
    (
        FIGURATIVE,
        "i",
        r"(?:(?:(?:face|cheeks?)(?: (?!and\b)[^\s.,;!?]+){0,4} )?(?:puffy|swollen|chubby) and "
        r"round(?:er)?|round(?:er)? and puffy)(?= (?:\S+ ){0,6}(?:pred\w*|steroids?)\b)|"
        r"moon face",
    ),
    # a stare that breaks at once: "zones out at the telly but snaps out of it when…"
    (
        RESOLVED,
        "i",
        r"(?:stares?|staring|zones? out|zoning out|zoned out|daydream\w*)"
        # no clause break, and nothing more alarming in between ("stares and his lips go blue")
        r"(?: (?!blue|grey|gray|breath|jerk|shak|stiff|twitch)[^,.;!?\s]+){0,12} "
        r"(?:but |and )?(?:snaps?|snapped) (?:straight |right )?out of it"
        r"(?! (?:if|when|after|once|only) (?:i|we|you) (?:shake|shook|rub|pinch)| after a while)",
    ),
    # explained, not an allergy: "her eyes are a bit puffy this morning from crying"
    (
        FIGURATIVE,
        "i",
        r"(?:eyes|eyelids|face) (?:are |is |look |looks )?(?:a bit |a little |slightly )?(?:puffy|"
        r"swollen)(?: \S+){0,4} (?:from|after) (?:\w+ ){0,4}?(?:crying|sleep|sleeping|pillow|"
        r"rubbing|lying on)"
        r"(?![^.!?]* (?:or|but|worse|hoarse|tight|shut|spreading)\b)",
    ),
    # straining, not breathing: "grunts and goes red in the face when he's doing a poo"
    (
        FIGURATIVE,
        "i",
        r"grunt\w*(?: \S+){0,6} (?:when|while|whenever|every time) (?:\w+ ){0,2}(?:(?:straining "
        r")?to do|doing|having|passing|pushing out|does|has) a (?:poo|poop)"
        # (not "…when she does a poo and also at rest with each breath")
        r"(?![^.!?]* (?:also|at rest|all the time|each breath|every breath|asleep|sleeping)\b)",
    ),
    # the first wee of the morning is the darkest: "dark first thing, then pale after his bottle"
    (
        FIGURATIVE,
        "i",
        r"(?:wee|urine|pee) (?:is |was |looks )?dark(?: \S+){0,4} first thing(?: \S+){0,8} "
        r"(?:then|and then|but then|but) (?:\w+ )?(?:pale|clear|lighter|light)",
    ),
    (RESOLVED, "fb", r"as soon as (?:i|we|you) (?:say|said|call|called|touch|touched)"),
    # a known epilepsy's usual, short seizure, over: the care plan's, not a first fit
    (
        FIGURATIVE,
        "i",
        r"(?:his|her|their|my|the|a) (?:usual|typical) (?:\w+ ){0,2}(?:seizures?|fits?|absences?)",
    ),
    # SMA's own baseline, said so: "tummy breathing, which the consultant said is his normal"
    (
        FIGURATIVE,
        "i",
        r"(?:tummy|belly) breathing(?: ,)? (?:which|that) (?:\w+ ){0,10}(?:is|s) (?:his|her|their) "
        r"(?:normal|usual|baseline)|"
        # …or says so after: "can't walk without her walker, that's her normal"
        r"\w+ (?:cant|cannot) (?:stand|walk|sit)(?: up)? without (?:his|her|their|my|a) "
        r"(?:walking |standing )?(?:frame|walker|support|help|splints|afos|brace|braces|stander)"
        r"(?= ,? (?:thats|that is|which is|its) (?:his|her|their|my) (?:normal|baseline|usual)|"
        r" ,? as (?:always|usual)| ,? never (?:could|has|have))|"
        # "she can't move her legs, never has, that's her SMA"; "my legs have been weak for years"
        r"\w+ (?:cant|cannot) (?:move|lift|kick) (?:his|her|their|my) legs"
        r"(?= ,? (?:never (?:has|have|could)(?= [,.;!?]|$)|thats (?:his|her|their|my) "
        r"(?:sma|normal|baseline)|as always|as usual))|"
        r"(?:legs?|arms?) (?:have|has) been (?:\w+ )?(?:weak|floppy|heavy)"
        r"(?= (?:for years|since (?:birth|diagnosis)))"
        r"(?![^.!?;]* (?:since (?:the|her|his|my|yesterday|this)|but|today|tonight|now|lp|lumbar|"
        r"spinraza)\b)",
    ),
    # a check, not a sign: "the GP saw him yesterday for a mild dehydration check"
    (
        FIGURATIVE,
        "i",
        r"(?:a |one |the )?(?:mild )?dehydration (?:check|test|screen)",
    ),
    # "the jaundice faded within a week"
    (RESOLVED, "i", r"jaundice (?:has |had )?(?:faded|cleared|gone|went|resolved|settled)"),
    # help already given by professionals: "the paramedics gave adrenaline"
    (
        OTHER,
        "i",
        r"(?:the )?(?:paramedics?|ambulance (?:crew|staff)) "
        r"(?:gave|used|injected|administered)(?: (?:him|her|them|me))? (?:\w+ )?"
        r"(?:adrenaline|epipen|epi pen|jext|emerade)",
    ),
    # what is known or will be written, over its own words only: "I know about swelling of the
    # lips … from his nut allergy plan", "the section on choking", "what would count as 'vomited'"
    (
        HYPOTHETICAL,
        "i",
        r"i know about [^.?!;]*? from (?:his|her|their|my|the|our) (?:\w+ ){0,3}(?:plan|leaflet|"
        r"training|course)|"
        # "I know about yellow eyes and dark wee - is there anything else to look out for?"
        rf"i (?:already )?know about (?:{_NOT_NOW}\w+ ){{0,7}}{_NOT_NOW}\w+"
        r"(?= (?:– )?(?:is there|are there|what) (?:anything |any )?(?:else|other)\b)|"
        r"(?:the |a )section (?:on|about) \w+|"
        r"what (?:would|does) counts? as (?:an? )?\w+",
    ),
    # play, over its own words only: "her doll 'can't breathe'", "she pretends to faint", "she
    # drew herself with yellow skin"; a child's question: "he asked me 'will my lips go blue?'"
    (
        FIGURATIVE,
        "i",
        r"(?:his|her|their|my) (?:doll|dolly|teddy bear|soft toy) (?:cant|can not|is not|isnt|has|"
        r"is)(?: (?!and|so|but|then|she|he|shes|hes)\w+){0,2}|"
        r"pretend(?:s|ed|ing)? to (?:\w+ )?(?:faint|collapse|be asleep|sleep|die|be dead|choke|"
        r"cough|be sick)|"
        r"(?:drew|drawn|drawing|painted|coloured|colored) (?:a picture of )?(?:herself|himself|"
        r"themselves)(?: (?!and|but|then|now|so)\w+){0,4}|"
        # a skin condition's flare, not a nostril's: "eczema patches on her elbows flaring"
        r"(?:eczema|psoriasis|arthritis|skin|joints?|patches)(?: \w+){0,4} flaring(?: up)?|"
        r"flaring up|"
        # a colour on a thing, not on the child: "she's got yellow highlighter on her cheek" (not
        # after the eyes or skin: "eyes gone yellow group leader at playgroup spotted it")
        rf"{_YELLOW_ON} (?:highlighter|paint|crayon|pen|"
        r"felt tips?|marker|ink|glitter|icing|"
        r"custard|play ?doh|food colouring|top|t shirt|jumper|dress|socks|hat|wellies|belt|class|"
        r"team|group|house|teletubby)\b|"
        rf"{_YELLOW_ON} in the (?:school )?"
        r"(?:play|show|nativity)|"
        # sleep starts: "little jerky movements with her arms as she falls asleep", "her legs jump
        # when she's falling asleep"
        r"(?:(?:his|her|their|my) legs )?(?:jerk\w*|twitch\w*|jump\w*)(?: \w+){0,8} "
        r"(?:as|when|just as) (?:he|she|they|hes|shes)(?: is| are| s)? "
        r"(?:falls?|falling|drifts?|drifting|drops?|dropping|nods?) (?:off|asleep)|"
        # the weather, not the child: "a heatwave forecast for next week, up to 34 degrees"
        r"(?:heatwave|heat wave|forecast|weather|outside|the room|bath ?water|fridge)"
        r"(?: (?!but\b|he\b|she\b|hes\b|shes\b|his\b|her\b|temp\w*\b|fever\b)\S+){0,8}? "
        r"\d+(?:\.\d+)? ?(?:degrees|deg|°c|°f)|"
        # …or in a picture: "he's a bit yellow in the photo because of the filter"
        r"(?:\w+ ){0,3}yellow (?:in|on) (?:the|this|that) (?:photos?|pictures?|pics?|videos?)\b",
    ),
    (
        HYPOTHETICAL,
        "i",
        r"(?:asking|asked|asks|ask)(?: (?:me|us|him|her))?(?: if| whether)? (?:will|would|might) "
        r"(?:my|i|he|she|his|her)(?: (?!because|cos|and|but|so)\w+){1,10}(?= \?)",
    ),
    # asked about a sign, not seen: "what exactly does grunting sound like?"
    (
        HYPOTHETICAL,
        "i",
        r"what (?:exactly )?(?:does|do|would|should) (?:a |an )?\w+(?: \w+)? (?:sound|look|feel) "
        r"like",
    ),
    # a pulse oximeter's artefact: "alarmed at 86 when the probe slipped off; re-sited, 97"
    (
        RESOLVED,
        "fb",
        r"(?:probe (?:slipped|came off|fell off|was off|had slipped)|bad trace|poor trace|"
        r"(?:re ?sited|repositioned|moved) (?:it|the probe|the sensor))"
        # "moved the probe to her toe and it's still 87" is a reading confirmed
        r"(?!(?: \S+){0,8} (?:still|again|same|also|stayed|stays|stuck|remained|remains))",
    ),
    # a device's light or a photo's filter, not the child: "the Owlet base keeps going yellow",
    # "the camera filter made him look yellow"
    (
        FIGURATIVE,
        "i",
        r"(?:base|station|light|monitor|sock|screen|app|led|button) (?:keeps |is |was )?(?:going|"
        r"gone|turning|turned|flashing|flashes|flashed) (?:yellow|red|blue|green|amber|orange)|"
        r"(?:filter|photo|picture|camera|screen|lighting|lamp) made (?:him|her|them|it|me) "
        r"look (?:yellow|blue|grey|gray|pale|orange)",
    ),
    # the needle's own bruise: "tiny bruise the size of a pea at the LP site"
    (
        FIGURATIVE,
        "i",
        r"bruis\w*(?: (?:is |was )?(?:the )?size of a (?:pea|lentil|5 ?p|penny|grain of rice|"
        r"fingernail))? (?:at|on|around|near|over) (?:the |his |her |their )?(?:lp|injection|"
        r"needle|puncture|cannula|drip|jab|blood test) (?:site|spot|area|mark)"
        # …unless more is said of it: "… and keeps growing", "… the size of my palm"
        r"(?!(?: \S+){0,10} (?:growing|spreading|bigger|bleeding|swelling|swollen|hot|red|palm|"
        r"hand|fist|orange|golf|lump|pus|oozing|leaking)\b)",
    ),
    # within a night's normal variation: "one fewer wet nappy than usual"
    (FIGURATIVE, "i", r"(?:one|1) fewer wet (?:nappy|nappies|diapers?) than (?:usual|normal)"),
    # sleep starts: "jerky movements when she falls asleep"
    (
        FIGURATIVE,
        "i",
        r"(?:jerk\w*|twitch\w*|startles?)(?: movements?)? (?:when|as|while) (?:he|she|they) "
        r"(?:falls?|is falling|drifts?|is drifting|nods?) (?:off )?(?:to )?(?:asleep|sleep|off)",
    ),
    # a teenager's silence, not breathlessness: "can't get a full sentence out of her"
    (
        FIGURATIVE,
        "i",
        r"(?:(?:cant|cannot|can not|couldnt) )?(?:get|getting|got) (?:a |one )?(?:full |single |"
        r"proper )?(?:sentence|word) out of "
        r"(?!breath)\w+",
    ),
    # SMA's own baseline, said to be so: "tummy breathing as usual", "legs weak as always"
    (
        FIGURATIVE,
        "i",
        r"(?:(?:tummy|belly|abdominal) breathing|(?:legs |arms )?(?:weak|floppy)) (?:as usual|"
        r"as always|like always)(?= ?(?:[.,;!?]|$| nothing new| no change| sats 9[2-9]))",
    ),
    # a thing, not a person: "the dose-tracker app has frozen and is completely unresponsive";
    # a gasp at a price: "stopped breathing for a second when he saw the list price"
    (
        FIGURATIVE,
        "i",
        r"(?:app|phone|screen|tablet|laptop|computer|website|page|system|tracker)"
        r"(?: \w+){0,4} (?:completely |totally )?unresponsive|"
        r"stopped breathing for a (?:second|moment) when (?:he|she|i|we|they) (?:saw|read|heard|"
        r"opened|got)",
    ),
    # "nearly had a fit when I saw the parking bill"
    (
        FIGURATIVE,
        "i",
        r"(?:nearly|almost) had a (?:fit|heart attack|stroke) (?:when|at|over|seeing|reading)\b",
    ),
    # a medical idea, not an event: "can Evrysdi lower the seizure threshold?", "her seizure
    # medicines"
    (
        FIGURATIVE,
        "i",
        r"seizure threshold|(?:her|his|their|my|our|the) seizure (?:medicines?|medications?|meds|"
        r"drugs|plan|action plan|diary|nurse)",
    ),
    # figures of speech: "my ex is giving me a seizure", "a fever dream", "can't breathe I'm
    # laughing so hard"
    (
        FIGURATIVE,
        "i",
        r"(?:giving|give|gave|gives) (?:me|us) a (?:seizure|fit|heart attack|stroke)|fever dream|"
        r"(?:cant|cannot|couldnt) breathe? (?:im|i am|from) laughing|"
        r"laughing so (?:hard|much) (?:that )?i (?:cant|couldnt) breathe?",
    ),
    # counts and levels recover: "his platelets dipped but came back up on their own", "his
    # count came back up"
    (
        FIGURATIVE,
        "i",
        r"came back up on (?:their|its) own|(?:count|counts|platelets?|levels?|numbers?|results?|"
        r"bloods|hb|haemoglobin) (?:have |has )?(?:came|come) back up(?! to \d)",
    ),
    # a length, not a count: "her usual 30 second one"
    (FIGURATIVE, "i", r"\d+ second ones?"),
    # a judgement doubted, not a sign: "don't think she's dehydrated"
    # (after the words, which uncertainty's PSEUDO "dont think" covers)
    (
        NEGATED,
        "i",
        r"(?:(?<=dont think )|(?<=do not think ))(?:\w+ ){0,2}(?:dehydrated|infected|jaundiced)",
    ),
    # a rule of thumb checked: "so 8 hours no wet nappy = ring someone?"
    (
        HYPOTHETICAL,
        "s",
        r"(?:^|(?<=[.!?] ))so(?= (?:(?!(?:he|she|hes|shes|his|her|him|they|theyre|their|them|my|"
        r"our|baby|i|im|ive|we|it|its)\b)\S+ ){1,10}(?:ring|call|phone|ae|999|111|straight away)\b"
        r"[^.!?]*\?)",
    ),
    # an instruction asked about: "if she fits for more than 5 minutes do I give it, then call 999?"
    (
        HYPOTHETICAL,
        "i",
        r"if (?:he|she|they|it|hes|shes) (?:\w+ ){0,3}(?:more|longer|over) than[^,.;!?]*? "
        r"(?:call|ring|phone|dial) (?:999|911|000|112|111|an ambulance)",
    ),
    # a plan for later: "what to keep in for when he can't keep food down"
    (
        HYPOTHETICAL,
        "i",
        r"for when (?:he|she|they|it|we|i) (?!\w+ed\b|was\b|were\b|had\b)\w+"
        r"(?: (?!and\b|but\b)\w+){0,4}",
    ),
    # a doubt about how, not whether, they breathe: "I don't think she's breathing any differently"
    (
        FIGURATIVE,
        "i",
        r"(?:i|we) (?:dont think|am not sure if|m not sure if|not sure if|cant tell if) "
        r"(?:\w+ ){0,2}breath\w* (?:any )?(?:differently|better|worse|faster|slower|through|"
        r"easier)",
    ),
    # a known pattern: "1-min focal seizure yesterday, typical for him"
    (
        FIGURATIVE,
        "i",
        r"(?:seizures?|fits?|absences?)(?: \S+){0,3} typical for (?:him|her|them)",
    ),
    # a device named after what it watches for: "a seizure alarm that triggers after 10 seconds"
    # (not one that has gone off: "the seizure alarm went off twice")
    (
        FIGURATIVE,
        "i",
        r"(?:seizure|apnoea|apnea) (?:alarms?|monitors?|mats?|detectors?|sensors?)"
        r"(?![^.!?]*\b(?:off|triggered|triggering|triggers (?!after)|alarm(?:ing|ed)|beep\w*|nuts|"
        r"going|keeps|kept|paus\w*|stopped|went|goes)\b)",
    ),
    # a figure of speech: "when I saw the Zolgensma bill I nearly had a seizure"
    (
        FIGURATIVE,
        "i",
        r"(?:i|we) (?:nearly|almost) (?:had|have) (?:a )?(?:seizure|fit|heart attack)",
    ),
    # paperwork named after what it records: "does the charity have a seizure diary template?"
    (
        FIGURATIVE,
        "i",
        r"(?:seizure|fit|fits|bleeding|headache) (?:diary|diaries|log|logs|chart|charts|record|"
        r"records|template|templates|tracker|app)\b",
    ),
    # "full" as an amount, not a soft spot: "4 full feeds, soft spot is flat"
    (FIGURATIVE, "i", r"full (?:feeds?|bottles?|nappies|nappy|nights?|days?|doses?|term|time)"),
    # "a faint flat rash": faint as in pale, not fainting
    (
        FIGURATIVE,
        "i",
        r"faint(?= (?:, )?(?:\w+ (?:, )?){0,2}(?:rash|rashes|marks?|lines?|redness|blush|pink|"
        r"smell|patch|patches|bruises?|spots?|scars?|scabs?|ache|aches|headache|pain|twinge)\b)",
    ),
    # treating something asked about: "can we give paracetamol for a mild fever from jabs?"
    (
        HYPOTHETICAL,
        "i",
        r"(?:can|could|should) (?:we|i) (?:give|use) (?:\w+ ){0,3}for (?:a |her |his )?(?:\w+ )?"
        r"(?:fever|temperature|temp|pain|headache)",
    ),
    # plans and kits are about what might happen: "an anaphylaxis plan", "a seizure rescue kit"
    (
        HYPOTHETICAL,
        "i",
        r"(?:\w+ ){1,2}(?:plan|plans|kit|pen|pens|training|protocol|action plan|first aid)",
    ),
    # a written plan or instruction governs its whole sentence, "then call 911" included; "per
    # care plan" only says where a fact was read ("Zolgensma 3 weeks ago per care plan")
    (
        HYPOTHETICAL,
        "s",
        r"(?<!per )(?<!per the )(?<!per his )(?<!per her )(?<!per their )"
        r"(?:action|care|allergy|anaphylaxis|seizure|emergency|rescue|"
        r"aftercare|discharge) (?:plan|card|sheet|letter)s?",
    ),
    # a condition worried about, not a sign seen: "worried about dehydration in the heatwave"
    # (only the words themselves: "worried about meningitis, there's a purple rash")
    (
        HYPOTHETICAL,
        "i",
        r"(?:worried|worrying|concerned|careful) about (?:(?:him|her|them) getting )?"
        r"(?:dehydrat\w*|meningitis|infections?|seizures|anaphylaxis)",
    ),
    # a kind of problem ruled out, not a sign: "just checking the spit up isn't a breathing thing"
    (
        FIGURATIVE,
        "i",
        r"(?:isnt|is not|not|wasnt|was not) (?:a |an )?(?:breathing|chest|liver|seizure|allergy|"
        r"allergic) (?:thing|issue|problem|concern|worry)",
    ),
    # a sign named as a listed side effect, not seen: "I know nosebleeds are listed as a Spinraza
    # side effect" (not "his nosebleed is listed as a side effect but won't stop")
    (
        HYPOTHETICAL,
        "i",
        r"(?<!his )(?<!her )(?<!their )(?<!my )(?<!the )(?<!this )\w+ (?:is|are) (?:listed|known|"
        r"mentioned|described|reported) as (?:a |an )?(?:\w+ ){0,3}side effects?",
    ),
    # "epipen for any lip swelling or wheeze"
    (HYPOTHETICAL, "f", r"for any"),
    # a feed refused and taken again: "…but she's back to full bottles today"
    (
        RESOLVED,
        "fb",
        r"(?<!not )(?<!isnt )(?<!arent )(?<!wasnt )(?<!never )(?<!hasnt )(?<!yet )"
        r"back (?:on )?to (?:(?:her|his|their|full|normal|usual|all) ){1,2}"
        r"(?:feeds|feeding|bottles|milk|breastfeeds|meals)",
    ),
    # asked about, not seen: "is blood in his wee something we should watch for?"
    (
        HYPOTHETICAL,
        "b",
        r"(?:something|a sign|one of the signs|a thing) (?:that )?(?:we|i|you|parents) "
        r"(?:should|need to|must|ought to) (?:watch|look|check|keep an eye) (?:out )?(?:for|on)",
    ),
    # asked what a sign is like, not seen: "want to know what grunting or sucking in under the
    # ribs actually looks like"
    (
        HYPOTHETICAL,
        "i",
        r"(?:know|understand|learn|recognise|recognize) what (?:\S+ ){1,10}?(?:actually )?"
        r"(?:looks|look|sounds|sound) like",
    ),
    # a general question: "is grunting always an emergency, or do some babies just…?"
    (
        HYPOTHETICAL,
        "i",
        r"is (?:\w+ ){1,3}always (?:an emergency|serious|dangerous|bad|a bad sign|worrying)",
    ),
    # looking for a sign, not seeing it: "checking his eyes under the torch every night for yellow"
    (
        HYPOTHETICAL,
        "i",
        r"(?:checking|checked|check|checks|looking|looked|watching) (?:\S+ ){0,8}for (?:any )?"
        r"(?:signs? of )?(?:yellow\w*|jaundice|bruis\w*|spots|a rash|rashes|blood)"
        # (not "…and they are yellow now")
        r"(?![^.!?]*\b(?:they|it|theyre|its|there) (?:are |is |look |looks |was |were )?"
        r"(?:\w+ )?(?:yellow|some|loads|lots|tiny|little|red|purple)\b)",
    ),
    # when to call, asked for a plan: "at what oxygen level should staff ring 999?"
    (
        HYPOTHETICAL,
        "i",
        r"(?:at )?what (?:\w+ )?(?:point|level|stage|temperature|temp|number|reading|sats?|"
        r"oxygen level|saturation) (?:\w+ ){0,2}(?:should|do|would|must|shall) (?:\w+ ){0,2}"
        r"(?:ring|call|dial|phone) (?:999|911|112|an ambulance)"
        # (not with a reading of now: "…call 999 or is 86 ok for now")
        r"(?![^.!?]*\b(?:is|at|on|reads|reading|showing) \d\d\b(?! or\b))",
    ),
    # a nappy wet with pale wee is a well-hydrated one, not a pale stool
    (FIGURATIVE, "i", r"wet (?:nappy|nappies|diapers?) (?:are |look |looking )?(?:pale|clear)"),
    # "no breathing issues today" is not "no breathing"
    (
        NEGATED,
        "i",
        r"no breathing (?:issues?|problems?|difficult\w*|concerns?|trouble|worries|changes?)",
    ),
    # a nosebleed with its everyday cause: "a nosebleed after picking his nose"
    (
        FIGURATIVE,
        "i",
        r"(?:nosebleed|nose bleed|nose bled|nose was bleeding) (?:\w+ ){0,2}(?:after|from) "
        r"(?:\w+ ){0,2}(?:picking|picked|blowing|blew|a bump|bumping|a knock|knocking)"
        # (not one that goes on: "…picking his nose 40 minutes ago and it won't stop")
        r"(?![^.!?]*\b(?:wont|cant|not|still|keeps?|kept|minutes|mins|hours?|pouring|soaked|"
        r"soaking|again|everywhere|lots|loads|heavy|heavily)\b)",
    ),
]
# Phrases that look like a modifier but are not one: uncertainty keeps a red flag a red flag.
PSEUDO = (
    # a headache eased only lying flat is the post-LP headache itself, not one that has gone:
    # "the headache is the worst, it goes when I lie flat" (pins and needles that go when she
    # lies down have gone; nor over a negation: "headache, no fever, it goes when she lies down")
    r"(?:headache|head pain|head)\b(?:(?!\b(?:no|not|nothing|without)\b)[^.!?]){0,60}?"
    r"\b(?:goes|go|passes|eases|wears off) (?:away )?"
    r"(?:when|once|as soon as) (?:i|he|she|they|we)(?:s| is| am| are)? (?:lie|lies|lay|lays|"
    r"lying) (?:down|flat)|"
    # a comparison, not a time: "her skin looks yellow next to the photos from last month"
    r"(?:photos?|pictures?|pics?) from last (?:week|month|year)|"
    # a state or a figure of speech, not a negation: "he's nae well, breathing fast", "not joking"
    r"(?:not|nae) (?:well|right|good|great)|(?:not|nae|no) (?:joking|kidding)|"
    # a complaint, not a negation: "hes not breathing right gasping"
    r"(?:not|nae) breathing (?:right|properly|normally)|"
    # politeness and taking back a calm word: "no rush at all", "it's fine (it's not) 38.5"
    # (not "she's fine it's not a seizure")
    r"no rush|no hurry|not rous(?:e)?able|(?:fine|ok|okay) (?:its|it is) not(?= \d)|"
    # a medicine wearing off is no recovery: "38.9 now the calpol has worn off"
    r"(?:calpol|paracetamol|ibuprofen|nurofen|medicine|meds|painkillers?)(?: has| had| have)? "
    r"(?:wore|worn) off|"
    # a comparison, not a time: "the headache is brutal, worse than last time"
    r"(?:worse|better|bigger|longer|more|different) than last time|"
    # newness, not negation: "marks on her body that I did not see before, and red dots"
    r"(?:did not|didnt|had not|hadnt) (?:see|seen|notice|noticed) (?:\w+ ){0,2}before|"
    # "have been spreading hace una semana": for a week, still going
    r"been \w+ing hace|"
    # an absence seen, not a negation: "since her Spinraza there's nothing, legs completely still"
    r"theres nothing(?= [,.;!?])|"
    # a reading that stays low, not a negation: "the sats won't come above 88"
    r"(?:wont|doesnt|wouldnt|cant|isnt|not) (?:come|go|get|getting|going|stay|staying|rise|"
    r"rising) (?:back )?(?:up )?(?:above|over|higher than|past)|"
    # worse, not a negation: "getting worse not better"
    r"worse not better|"
    # an onset runs up to now: "the headache started 4 days ago and still won't ease"
    r"(?:started|began|begun|came on) (?:\w+ )?(?:\d+|a|an|one|two|three|four|five|few|couple of) "
    r"(?:days?|weeks?|hours?) ago|"
    # …said the other way round: "3 days ago the headache started and it gets worse", "3 weeks
    # ago he started bruising everywhere"
    r"(?:\d+|a|an|one|two|three|four|five|few|couple of) (?:days?|weeks?|hours?) ago "
    r"(?:(?:the|his|her|my|their) )?(?:headaches?|pain|bruising|bleeding|vomiting|sickness|rash|"
    r"fevers?|temperature|jaundice|swelling|fits|seizures|numbness|tingling|weakness) "
    r"(?:started|began|came on|kicked in)|"
    r"(?:\d+|a|an|one|two|three|four|five|few|couple of) (?:days?|weeks?|hours?) ago "
    r"(?:he|she|they|i) started (?:getting |having )?(?:headaches?|bruising|bleeding|vomiting|fits|"
    r"seizures|fevers?|rashes|a rash|a fever|a headache)|"
    # uncertainty keeps a red flag a red flag: "not sure if I should worry, he's wheezing"
    r"not sure if|not sure|not certain|unsure|dont know|no idea|cant tell|dont think|not only|"
    # an abnormal state, not a negation: "post-ictal over an hour, not back to baseline"
    r"not back to (?:baseline|(?:his|her|their) baseline|normal)|"
    r"not getting better|not improving|not usually|not normally|not like (?:him|her|them)|"
    r"not (?:him|her|them)self|not herself|not himself|nae (?:him|her)self|no better|"
    r"not stopping|not settling|"
    # an exclamation, not a negation: "oh no I completely forgot the steroid this morning"
    r"oh no|"
    # an answer, not a negation: "no she is struggling to breathe", "no my baby's lips are going
    # blue" ("no" never negates a pronoun or a possessive)
    rf"no(?= {_SUBJECT}\b)|"
    r"not interested|not moving at all|not answering|not responding|not waking|not with it|"
    # a complaint, not a negation: "very tired, not want play, eyes little bit yellow"
    r"(?:not|doesnt|dont|didnt) want(?:ing)? (?:to )?(?:play|eat|feed|drink|wake)|"
    r"see if|check if|checking if|wondering if|as if|if so|even if|not just|no matter|"
    r"not eating or drinking|cant stop|wont stop|doesnt stop|not stop|"
    r"without (?:stopping|a break|pausing|a pause|catching)|(?:first|1 st) ever|worst ever|"
    r"best ever|first time ever|non stop|"
    # a double negative: "cant lift my head without the worst headache"
    r"cant \w+(?: \w+){0,3} without|"
    r"ever since|never ever|for ever|forever|sorry if|apologies if|ever been|"
    # newness, not negation: "jerking, never before", "never happened before"
    r"never before|never happened before|never had (?:this|that|one|them|these|an? \w+) before|"
    r"never done (?:this|that|it) before|"
    # worse than ever, not a negation: "she's never been sick like this", "never seen him this bad"
    r"never (?:been|seen (?:him|her|them)) (?:\w+ ){0,2}(?:like this|this \w+)|"
    # from the last dose until now: "since her last dose she's had a headache every morning"
    r"since (?:his|her|their|my|the|our) last (?:loading |maintenance )?(?:dose|injection|"
    r"infusion|procedure)|"
    # a duration up to now, not a time in the past: "irritable for the last week"
    # the present perfect runs up to now: "last week or so he's been more switched off"
    r"(?:last|past) (?:week|month|few days|couple of days)(?: or so)? (?:hes|shes|theyve|ive|"
    r"he has|she has|they have|i have) been|"
    r"(?:for|over|during|in) the (?:last|past) (?:\w+ )?(?:\d+ )?\w+|"
    # asking whether something already there is explained: "can a fever of 38.4 … just be
    # from the procedure?"
    r"(?:can|could|would|might) (?:a|an|this|that|it|the)(?= (?:\S+ ){0,12}(?:just|only|simply) be)"
)
TERMINATORS = (
    # ", well his palms look yellow now": what follows a reported instruction is the report
    r"(?<=, )well|"
    r"but|however|although|though|except|yet|whereas|now|currently|today|tonight|"
    r"this (?:morning|afternoon|evening|week)|at the moment|right now|since|still|again|"
    r"anymore|suddenly|then|these days|lately|recently|"
    # a new clause of change: "has tolerated nothing all day and is getting very sleepy"
    r"and (?:is |hes |shes |has |keeps )?(?:getting|becoming|gone|going)\b"
)
