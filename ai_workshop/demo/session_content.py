"""Original demo content for a full customer-service workshop: stories, dreams and plan."""

MORE_STORIES = [
    {
        "headline": "Owning a fault through three engineer visits",
        "story": (
            "A family in Swindon had broadband dropping every evening and had already seen two "
            "engineers. I put my name on the case, booked a line test with the network team and "
            "asked for the engineers' notes myself. The third visit found a corroded joint in the "
            "street cabinet. I rang the mum that Friday night while her kids were streaming, and "
            "she laughed and said it was the first quiet evening in a month."
        ),
        "made_possible": (
            "Keeping the case under my own name instead of passing it back to the queue."
        ),
        "wish": "A simple way to keep ownership of a case across shifts.",
        "strengths": ["accountability", "follow-through", "resourcefulness"],
        "whose": "mine",
        "consent": "named",
        "teller": "Kezia",
    },
    {
        "headline": "The callback at ten past eight",
        "story": (
            "Retelling Rhys's story. A self-employed plumber couldn't get his router back online "
            "and was losing job bookings. Rhys promised to ring him at ten past eight the next "
            "morning, once the exchange work had finished, and set reminders on two devices. He "
            "rang on the dot, stayed on while the plumber rebooted and heard the first booking "
            "email land. The plumber said nobody had ever called him back before."
        ),
        "made_possible": (
            "Rhys gave an exact time rather than 'within 48 hours' and treated it as sacred."
        ),
        "wish": "Callback slots we can book straight into our own diaries.",
        "strengths": ["keeping promises", "reliability", "responsiveness"],
        "whose": "partner",
        "consent": "named",
        "teller": "Amira",
    },
    {
        "headline": "Closing a late husband's account gently",
        "story": (
            "A woman rang to close her late husband's account and had already been transferred "
            "four times that week. I told her she wouldn't need to repeat herself again, took "
            "every detail in one go and handled the final bill and the device return myself. I "
            "wrote to her with one clear summary and my direct extension. She later sent the team "
            "a card thanking us for making one thing in her week easy."
        ),
        "made_possible": (
            "Knowing the bereavement process end to end, so I never had to hand her on."
        ),
        "wish": "A named bereavement contact on every shift.",
        "strengths": ["empathy", "accountability", "clear communication"],
        "whose": "mine",
        "consent": "private",
        "teller": None,
    },
    {
        "headline": "Chasing a lost handset all the way home",
        "story": (
            "Retelling Priya's story. A nurse on night shifts had waited nine days for a "
            "replacement phone that the courier kept marking as delivered. Priya took the case, "
            "spoke to the warehouse and the courier herself, and reserved a second handset at a "
            "local shop the same afternoon. She texted the nurse a photo of the reservation slip, "
            "and the nurse picked the phone up on her way to work."
        ),
        "made_possible": "Priya refused to accept 'delivered' as the end of the story.",
        "wish": "Direct contact details for the courier escalation desk.",
        "strengths": ["follow-through", "initiative", "customer advocacy"],
        "whose": "partner",
        "consent": "anonymous",
        "teller": "Declan",
    },
    {
        "headline": "Waiving a leaving fee for a move into care",
        "story": (
            "A son rang to cancel his dad's broadband because his dad was moving into a care home, "
            "and the system showed a £140 early exit fee. I knew I was allowed to waive it in a "
            "case like this, so I did it there and then and explained that no final bill would "
            "follow. He went quiet and said he'd been dreading the call for a week. He has since "
            "moved his own contract to us."
        ),
        "made_possible": (
            "Clear guidance that trusts us to waive fees when the situation is obviously fair."
        ),
        "wish": "The same freedom written down for chat and email colleagues.",
        "strengths": ["empowerment", "fairness", "judgement"],
        "whose": "mine",
        "consent": "named",
        "teller": "Fiona",
    },
    {
        "headline": "A new router before the old one came back",
        "story": (
            "Retelling Tomás's story. A graphic designer's router died the day before a big client "
            "deadline, and the usual process meant posting the old one back first. Tomás used his "
            "discretion to send a replacement by next-day courier and trusted her to return the "
            "faulty one. She was online by ten the next morning, delivered her files on time and "
            "sent the old router back within two days."
        ),
        "made_possible": (
            "A team lead who told us to use judgement whenever the standard process would hurt the "
            "customer."
        ),
        "wish": "Advance replacements as standard for people who work from home.",
        "strengths": ["judgement", "flexibility", "empowerment"],
        "whose": "partner",
        "consent": "anonymous",
        "teller": "Jonas",
    },
    {
        "headline": "A late fee cancelled before she asked",
        "story": (
            "A young customer's direct debit bounced because her bank had frozen her card after a "
            "fraud alert, and we had charged her a late payment fee. I could see straight away it "
            "wasn't her fault, so I removed the fee, moved the payment to just after her payday "
            "and noted why on the account. She had rung expecting a telling-off. Instead she was "
            "off the phone in five minutes, sounding genuinely relieved."
        ),
        "made_possible": "Being trusted to remove fees under £25 without a second signature.",
        "wish": "A quick note template so the next agent sees why a fee was waived.",
        "strengths": ["fairness", "empowerment", "thoughtfulness"],
        "whose": "mine",
        "consent": "anonymous",
        "teller": None,
    },
    {
        "headline": "Backdating the plan change we forgot",
        "story": (
            "Retelling Olu's story. A retired teacher had asked for a cheaper tariff in March, but "
            "the change was never applied and she had overpaid for four months. Olu found the "
            "original chat transcript, backdated the plan himself and refunded the difference with "
            "a goodwill credit on top. Then he rang her to explain it, rather than letting a "
            "confusing bill do the talking. She told him it had restored her faith in us."
        ),
        "made_possible": (
            "Olu was allowed to correct our own mistake on the spot, and the chat history was easy "
            "to find."
        ),
        "wish": "A monthly check that every agreed plan change has gone through.",
        "strengths": ["honesty", "empowerment", "relationship repair"],
        "whose": "partner",
        "consent": "named",
        "teller": "Priya",
    },
    {
        "headline": "From shouting to laughing about his dog",
        "story": (
            "A man rang furious because his bill had doubled and he had been on hold for forty "
            "minutes. I let him get it all out, told him he was right to be annoyed and said I'd "
            "stay with him until it made sense. It turned out a promotional discount had ended "
            "without any reminder. I moved him to a better plan, and by the end we were chatting "
            "about his dog barking at the router lights."
        ),
        "made_possible": "Letting him finish before I tried to fix anything.",
        "wish": "A reminder to customers before every discount ends.",
        "strengths": ["de-escalation", "active listening", "composure"],
        "whose": "mine",
        "consent": "named",
        "teller": "Declan",
    },
    {
        "headline": "The complaint that ended in a thank-you email",
        "story": (
            "Retelling Hannah's story. A café owner called because the broadband behind her card "
            "machine had failed on a Saturday, costing her a weekend's takings, and she was "
            "threatening the ombudsman. Hannah acknowledged the real cost to the business, had a "
            "4G backup dongle couriered that afternoon and logged a formal complaint for her "
            "without being asked. On Monday the owner emailed to say Hannah was the reason she was "
            "staying."
        ),
        "made_possible": (
            "Hannah treated the complaint as fair and acted on it instead of defending us."
        ),
        "wish": "Backup dongles ready to send to every business customer.",
        "strengths": ["customer advocacy", "de-escalation", "proactivity"],
        "whose": "partner",
        "consent": "anonymous",
        "teller": "Callum",
    },
    {
        "headline": "Staying steady through a third outage call",
        "story": (
            "A gamer rang about his third outage in a week, and the first thing he said was that I "
            "was as useless as everyone else. I stayed steady, asked what times it dropped and "
            "matched them to a known fault at his exchange. I explained honestly what the "
            "engineers were doing and promised to text him when it was fixed, which I did two days "
            "later. He replied with a thumbs up and 'cheers, legend'."
        ),
        "made_possible": (
            "Staying calm and having the network fault log open, so I could give him real facts."
        ),
        "wish": "Fault updates we can text to customers straight from the case.",
        "strengths": ["composure", "honesty", "keeping promises"],
        "whose": "mine",
        "consent": "anonymous",
        "teller": None,
    },
    {
        "headline": "Reconnecting a customer we cut off by mistake",
        "story": (
            "Retelling Zainab's story. A man's landline was disconnected in error during a number "
            "transfer, and his daughter rang in a fury because his care alarm runs on that line. "
            "Zainab apologised without excuses, got the network team to prioritise the "
            "reconnection and stayed on the call until the line tested live. She rang the daughter "
            "again that evening to check the alarm was working, and the daughter later wrote to "
            "say how much that second call mattered."
        ),
        "made_possible": (
            "Zainab owned our mistake out loud and knew exactly who to ask in the network team."
        ),
        "wish": "A priority flag for customers who depend on a care alarm.",
        "strengths": ["relationship repair", "honesty", "follow-through"],
        "whose": "partner",
        "consent": "named",
        "teller": "Marek",
    },
    {
        "headline": "A huddle tip that saved an engineer visit",
        "story": (
            "In Tuesday's huddle Marek showed us how to read the line stats screen to spot a "
            "faulty microfilter. That same afternoon a customer described exactly the symptoms he "
            "had shown us. I talked her through swapping the filter onto a spare socket, and her "
            "speed jumped straight back up. No engineer, no waiting, and she was back on her video "
            "call within ten minutes."
        ),
        "made_possible": (
            "Marek taking two minutes to share something he had worked out for himself."
        ),
        "wish": "A tip of the day pinned to the huddle board.",
        "strengths": ["knowledge sharing", "learning culture", "product knowledge"],
        "whose": "mine",
        "consent": "named",
        "teller": "Deepa",
    },
    {
        "headline": "Pairing with Niamh on my first billing dispute",
        "story": (
            "In my second week I got a billing dispute I didn't understand at all. Niamh wheeled "
            "her chair over, plugged in a second headset and let me lead while she pointed things "
            "out on the screen. She never took over; she just asked me questions until I saw the "
            "answer. I resolved it on the first contact, and now I sit with new starters the same "
            "way."
        ),
        "made_possible": "Niamh's patience and her belief that I could work it out myself.",
        "wish": "Pairing time built into every new starter's first month.",
        "strengths": ["mentoring", "patience", "collaboration"],
        "whose": "mine",
        "consent": "anonymous",
        "teller": None,
    },
    {
        "headline": "The eSIM guide the whole floor uses",
        "story": (
            "Retelling Callum's story. After three muddled calls about moving an eSIM to a new "
            "phone, Callum wrote a one-page guide with screenshots for each handset model. He "
            "posted it in the team channel and asked people to add fixes as they found them. "
            "Within a month our eSIM calls were shorter and customers kept saying how easy we had "
            "made it. Two other teams have borrowed it since."
        ),
        "made_possible": (
            "Callum turned his own frustration into something the whole team could use."
        ),
        "wish": "Time each week to write and update guides like this.",
        "strengths": ["initiative", "knowledge sharing", "continuous improvement"],
        "whose": "partner",
        "consent": "named",
        "teller": "Hannah",
    },
    {
        "headline": "Learning together from a call that went wrong",
        "story": (
            "Retelling Gareth's story. He had given a customer the wrong contract end date and "
            "only realised afterwards. Instead of keeping quiet, he played the recording at our "
            "Friday huddle and asked what we would have done differently. Three others admitted "
            "similar slips, and we agreed a quick check for contract dates. Gareth rang the "
            "customer back to correct it, and she thanked him for being straight with her."
        ),
        "made_possible": "A team where owning up to a mistake is treated as a gift, not a failing.",
        "wish": "More huddles where we learn from real calls.",
        "strengths": ["learning culture", "honesty", "accountability"],
        "whose": "partner",
        "consent": "private",
        "teller": None,
    },
    {
        "headline": "Remembering the date of her exam",
        "story": (
            "A student called about slow broadband the week before her finals and mentioned she "
            "revised online every night. Once the connection was fixed, I asked if she'd mind a "
            "quick text on exam day, and she said yes with a laugh. On the morning I sent a short "
            "good-luck message from the case. Weeks later she replied to say she had passed and "
            "had told her whole flat about us."
        ),
        "made_possible": "Listening for what mattered to her beyond the fault itself.",
        "wish": "A place on the account for small notes that matter to customers.",
        "strengths": ["personal touch", "active listening", "warmth"],
        "whose": "mine",
        "consent": "named",
        "teller": "Niamh",
    },
    {
        "headline": "A handwritten card in the post",
        "story": (
            "Retelling Deepa's story. An older gentleman spent an hour with her getting his tablet "
            "onto a new router, and he kept apologising for being slow. Afterwards Deepa posted "
            "him a handwritten card with the network name and password in large print, plus a note "
            "saying he had been a pleasure to help. He rang back a week later just to say the card "
            "was on his fridge."
        ),
        "made_possible": "Deepa noticed he felt embarrassed and wanted him to feel proud instead.",
        "wish": "Large-print setup cards we can send to anyone who asks.",
        "strengths": ["thoughtfulness", "personal touch", "respect"],
        "whose": "partner",
        "consent": "anonymous",
        "teller": "Tomás",
    },
    {
        "headline": "Switching to Welsh for a nervous caller",
        "story": (
            "A farmer from Ceredigion rang about a confusing bill and was clearly struggling to "
            "explain himself in English. I asked if he'd prefer to speak Welsh, and you could hear "
            "his shoulders drop. We went through every line of the bill together and found he had "
            "been paying for a landline bundle he never used. A month later he rang back and asked "
            "for me by name."
        ),
        "made_possible": "Feeling free to use my own language and be myself on the call.",
        "wish": "A list of who speaks which languages on each shift.",
        "strengths": ["personal touch", "respect", "warmth"],
        "whose": "mine",
        "consent": "anonymous",
        "teller": None,
    },
]


PARKED_STORIES = [
    {
        "headline": "The CRM search that never finds anyone",
        "story": (
            "Every day I lose minutes because the CRM only finds a postcode if the space is in "
            "exactly the right place. Yesterday a customer waited on hold for four minutes while I "
            "tried six spellings of her street. She was lovely about it, but I felt embarrassed. "
            "We have reported it for months and nothing changes."
        ),
        "made_possible": "Only the customer's patience got us through that call.",
        "wish": "A search that forgives typos and missing spaces.",
        "strengths": ["patience", "resilience"],
        "whose": "mine",
        "consent": "anonymous",
        "teller": None,
    },
    {
        "headline": "Rota changes we hear about on Friday night",
        "story": (
            "Retelling Callum's story. Next week's rota went out late on a Friday again, after he "
            "had promised to collect his son from football on Tuesday. He swapped with Hannah in "
            "the end, but only because she went out of her way for him. It feels as if our lives "
            "outside work aren't considered when shifts change at the last minute."
        ),
        "made_possible": "Hannah's kindness covered for a planning problem.",
        "wish": "Rotas published at least two weeks ahead.",
        "strengths": ["collaboration", "flexibility"],
        "whose": "partner",
        "consent": "private",
        "teller": "Hannah",
    },
    {
        "headline": "Blamed for a billing outage we didn't cause",
        "story": (
            "When the billing system went down for a whole afternoon, every customer who rang "
            "assumed we had got their bill wrong. We had no message from IT for two hours and "
            "nothing to tell anyone. I took over thirty calls of pure frustration and kept "
            "apologising for something nobody had explained to us. Nobody from the systems team "
            "ever came to say sorry."
        ),
        "made_possible": "The team holding each other up in the chat channel all afternoon.",
        "wish": "A status message we can read out within ten minutes of any outage.",
        "strengths": ["resilience", "composure", "transparency"],
        "whose": "mine",
        "consent": "anonymous",
        "teller": "Jonas",
    },
]


DREAMS = [
    (
        "They tell friends one person answered, kept their name, fixed the problem and rang back "
        "exactly when they said they would."
    ),
    (
        "'I never had to explain myself twice.' Whoever picks up already knows the story and sorts "
        "it on that first call."
    ),
    (
        "They say our people are trusted to just fix things: a credit, a fee waived, a new router "
        "in the post, no manager needed."
    ),
    (
        "Even when the broadband goes down, customers hear it from us first, with an honest update "
        "and a real time for the fix."
    ),
    (
        "They describe ringing in angry and hanging up laughing, because someone listened properly "
        "and treated them as a person, not a ticket number."
    ),
    (
        "Friends hear that our bills make sense at a glance, and if anything looks odd, someone "
        "explains it plainly and puts it right."
    ),
    (
        "They remember the small things: a handwritten card, a good-luck text before an exam, an "
        "agent who asked after their dog by name."
    ),
    (
        "They say every agent seems to know everything, because the team shares what works every "
        "day and nobody is left guessing alone."
    ),
]


PROPOSITIONS = [
    (
        "Every customer has one named person who owns their issue from first contact until the "
        "customer confirms it is fixed."
    ),
    (
        "Frontline agents have the authority and the budget to put things right on the first call, "
        "and leaders back their judgement."
    ),
    (
        "We treat every angry call as a chance to rebuild trust, meeting frustration with calm "
        "listening, honesty and practical help."
    ),
    (
        "We teach each other every day: huddle tips, pairing and living how-to guides turn one "
        "person's fix into everyone's know-how."
    ),
    (
        "We notice the person behind every account and make room for small, thoughtful touches "
        "that customers remember and retell."
    ),
    (
        "Customers hear about outages and billing changes from us first, in plain words, with a "
        "clear time for the next update."
    ),
]


ACTIONS = [
    {
        "title": "Launch a named-owner callback promise",
        "owner": "Kezia",
        "first_step": (
            "Draft a one-page callback standard with three example phrasings and share it at "
            "Monday's huddle."
        ),
        "start_in_days": 2,
        "due_in_days": 45,
        "review_in_days": 60,
        "help_needed": (
            "Jonas from workforce planning helps fit protected callback slots into the rota."
        ),
        "success_measure": "callbacks kept on time",
        "baseline": "64%",
        "target": "90%",
        "status": "in_progress",
        "strength": "keeping promises",
        "purpose": (
            "So every customer knows who is handling their issue and exactly when they will hear "
            "back."
        ),
        "proposition": 0,
    },
    {
        "title": "Raise the frontline goodwill credit limit",
        "owner": "Fiona",
        "first_step": (
            "Pull last quarter's escalated credits to show how many agents could have settled on "
            "the spot."
        ),
        "start_in_days": 0,
        "due_in_days": 60,
        "review_in_days": 90,
        "help_needed": "Priya helps finance model the cost and agree a monthly goodwill budget.",
        "success_measure": "first-contact resolution on billing calls",
        "baseline": "58%",
        "target": "75%",
        "status": "not_started",
        "strength": "empowerment",
        "purpose": (
            "To let agents put things right on the first call without waiting for a sign-off."
        ),
        "proposition": 1,
    },
    {
        "title": "Publish a fee-waiver judgement guide",
        "owner": "Olu",
        "first_step": (
            "Collect ten real waiver cases from the team and sort them into clear yes, no and "
            "judgement examples."
        ),
        "start_in_days": 3,
        "due_in_days": 30,
        "review_in_days": 45,
        "help_needed": "The team leads review the draft with Olu before it goes live.",
        "success_measure": "customer effort score: share rating us easy",
        "baseline": "68%",
        "target": "80%",
        "status": "not_started",
        "strength": "judgement",
        "purpose": (
            "So every agent, on every channel, feels confident making fair decisions about fees."
        ),
        "proposition": 1,
    },
    {
        "title": "Run a fortnightly recovery-call practice circle",
        "owner": "Declan",
        "first_step": (
            "Book a 30-minute slot and choose two anonymised recordings of angry calls that ended "
            "well."
        ),
        "start_in_days": 7,
        "due_in_days": 60,
        "review_in_days": 75,
        "help_needed": "Zainab co-hosts and the quality team supplies the recordings.",
        "success_measure": "recovery success rate",
        "baseline": "61%",
        "target": "75%",
        "status": "not_started",
        "strength": "de-escalation",
        "purpose": "To learn from colleagues how a furious caller becomes a loyal customer.",
        "proposition": 2,
    },
    {
        "title": "Start a daily two-minute huddle tip",
        "owner": "Marek",
        "first_step": (
            "Pin a tip-of-the-day card to the huddle board and sign up volunteers for the next two "
            "weeks."
        ),
        "start_in_days": 1,
        "due_in_days": 30,
        "review_in_days": 30,
        "help_needed": "Team leads protect the first five minutes of every shift for the huddle.",
        "success_measure": "first-contact resolution",
        "baseline": "71%",
        "target": "80%",
        "status": "done",
        "strength": "knowledge sharing",
        "purpose": "So one person's clever fix becomes the whole team's know-how by the next day.",
        "proposition": 3,
    },
    {
        "title": "Build a living how-to library",
        "owner": "Callum",
        "first_step": (
            "Move the eSIM guide and four other popular how-tos into one shared folder with a "
            "simple template."
        ),
        "start_in_days": 5,
        "due_in_days": 90,
        "review_in_days": 120,
        "help_needed": (
            "IT sets up edit rights for everyone, and Hannah reviews new guides each week."
        ),
        "success_measure": "first-contact resolution on device calls",
        "baseline": "66%",
        "target": "78%",
        "status": "in_progress",
        "strength": "continuous improvement",
        "purpose": "To give every agent, new or experienced, a trusted answer within a few clicks.",
        "proposition": 3,
    },
    {
        "title": "Send large-print setup cards to customers",
        "owner": "Deepa",
        "first_step": (
            "Design a draft card with the network name, password and helpline in large print and "
            "test it with two customers."
        ),
        "start_in_days": 4,
        "due_in_days": 40,
        "review_in_days": 60,
        "help_needed": (
            "Marketing helps with the layout and the warehouse adds cards to router packs."
        ),
        "success_measure": "compliments per week",
        "baseline": "3 a week",
        "target": "8 a week",
        "status": "not_started",
        "strength": "thoughtfulness",
        "purpose": (
            "So customers who find technology daunting feel looked after long after the call ends."
        ),
        "proposition": 4,
    },
    {
        "title": "Text customers about outages before they call",
        "owner": "Zainab",
        "first_step": (
            "Meet the network operations lead to agree a ten-minute alert to the support team for "
            "any outage."
        ),
        "start_in_days": 0,
        "due_in_days": 75,
        "review_in_days": 90,
        "help_needed": (
            "Network operations and IT help link fault alerts to customer text messages."
        ),
        "success_measure": "CSAT on outage-related contacts",
        "baseline": "52%",
        "target": "70%",
        "status": "in_progress",
        "strength": "transparency",
        "purpose": (
            "So customers hear about problems from us first, honestly and with a time for the next "
            "update."
        ),
        "proposition": 5,
    },
]


COMMITMENTS = [
    {
        "kind": "commitment",
        "text": "I will ring every customer back at the exact time I promise and log it when I do.",
        "consent": "named",
        "teller": "Kezia",
    },
    {
        "kind": "commitment",
        "text": "I will bring one recording of a turned-around call to our first practice circle.",
        "consent": "named",
        "teller": "Declan",
    },
    {
        "kind": "commitment",
        "text": "I will write up three fee waivers from this month so others can see my reasoning.",
        "consent": "anonymous",
        "teller": "Fiona",
    },
    {
        "kind": "commitment",
        "text": (
            "I will share a two-minute tip at huddle every Tuesday until the end of the quarter."
        ),
        "consent": "named",
        "teller": "Marek",
    },
    {
        "kind": "offer",
        "text": (
            "I can buddy a new starter for their first month and sit in on their billing calls."
        ),
        "consent": "named",
        "teller": "Niamh",
    },
    {
        "kind": "offer",
        "text": (
            "I can take Welsh-language calls on my shifts and help write a Welsh greeting for the "
            "phone menu."
        ),
        "consent": "named",
        "teller": "Gareth",
    },
    {
        "kind": "offer",
        "text": "I can show anyone how to add a guide to the how-to library in ten minutes.",
        "consent": "anonymous",
        "teller": "Callum",
    },
    {
        "kind": "request",
        "text": (
            "I need ten minutes with the network operations lead to agree how outage alerts reach "
            "us."
        ),
        "consent": "named",
        "teller": "Zainab",
    },
    {
        "kind": "request",
        "text": (
            "I need clear written guidance on goodwill credits so I stop second-guessing myself on "
            "every call."
        ),
        "consent": "anonymous",
        "teller": "Priya",
    },
    {
        "kind": "request",
        "text": (
            "I need a small budget for printing and posting large-print cards during the first "
            "trial."
        ),
        "consent": "named",
        "teller": "Deepa",
    },
]


PLAN_TEXT = {
    "summary": (
        "The team's stories showed them at their best when one person owns a customer's problem "
        "and calls back on time, when agents are trusted to put things right on the spot, and when "
        "colleagues teach each other freely. Angry calls turned around and small personal touches "
        "came up again and again as the moments customers remember. The team dreams of a service "
        "that friends describe as personal, honest and fixed first time, and six propositions now "
        "set that direction. Eight actions start within the next fortnight, each with an owner, a "
        "first step and a measure, and what the team asks of leaders is mostly trust, a modest "
        "budget and protected time in the rota."
    ),
    "keep": (
        "Owning a customer's problem until it is truly fixed\n"
        "Staying calm and honest with angry callers\n"
        "Huddle tips, pairing and guides that spread know-how fast\n"
        "Small personal touches customers remember\n"
        "Backing each other up on the hard days"
    ),
    "measures_note": (
        "Each action has a baseline and a target drawn from measures the team already tracks, such "
        "as callbacks kept on time, first-contact resolution, CSAT and compliments per week. "
        "Owners share progress at the Friday huddle every fortnight, and the whole team reviews "
        "the plan after ninety days. Each target reached is celebrated by reading customers' own "
        "words aloud at the huddle."
    ),
}
