"""Demo content for the customer-service template, written for this project."""

DEMO_PARTICIPANTS = ["Amira", "Jonas", None, "Priya", "Tomás", None]

DEMO_STORIES = [
    {
        "headline": "The refund that became a referral",
        "story": (
            "A customer called furious about a double charge. I stayed on the line while "
            "finance reversed it, explained each step and called back the next day to confirm. "
            "She later sent two friends our way."
        ),
        "made_possible": "Finance picked up straight away, and I had the authority to stay on the case.",
        "strengths": ["follow-through", "patience", "keeping promises"],
        "wish": "That every agent can fix a billing error without three handovers.",
        "whose": "mine",
        "consent": "named",
    },
    {
        "headline": "Turning a one-star review around",
        "story": (
            "Jonas answered a one-star review personally, listened for twenty minutes and "
            "found the real problem was a confusing setup guide. The customer changed the "
            "review to five stars and we rewrote the guide together."
        ),
        "made_possible": "Time to listen without a handle-time target breathing down his neck.",
        "strengths": ["active listening", "relationship repair", "continuous improvement"],
        "wish": "Protected time for difficult conversations.",
        "whose": "partner",
        "consent": "anonymous",
    },
    {
        "headline": "Night shift, lost passport, happy ending",
        "story": (
            "At 2 a.m. a traveller had lost her passport and her booking. I found the booking "
            "through an old email address, called the hotel and stayed in touch until she "
            "had a room and a consulate appointment."
        ),
        "made_possible": "A colleague on day shift had written a great how-to for exactly this case.",
        "strengths": ["resourcefulness", "empathy", "knowledge sharing"],
        "wish": "More of those how-tos, written by the people who solved the case.",
        "whose": "mine",
        "consent": "anonymous",
    },
    {
        "headline": "Two teams, one customer, zero handovers",
        "story": (
            "A business customer had an outage that touched billing and tech support. Priya set "
            "up one shared thread with both teams and gave the customer a single name to call. "
            "They renewed for three years."
        ),
        "made_possible": "Both team leads trusted us to skip the usual ticket routing.",
        "strengths": ["collaboration", "accountability", "clear communication"],
        "wish": "One owner per customer issue, from first contact to resolution.",
        "whose": "partner",
        "consent": "named",
    },
    {
        "headline": "The grandmother and the smart speaker",
        "story": (
            "An elderly customer could not set up the speaker her grandson gave her. I slowed "
            "down, talked her through every button and we played her favourite song together "
            "at the end of the call."
        ),
        "made_possible": "Nobody rushed me, and I know the product inside out.",
        "strengths": ["patience", "warmth", "product knowledge"],
        "wish": "Celebrate the long calls that make a customer's day.",
        "whose": "mine",
        "consent": "private",
    },
    {
        "headline": "A bug report that shipped as a feature",
        "story": (
            "A customer kept hitting the same export error. Instead of a workaround, I wrote up "
            "her use case for the product team with screenshots. Two sprints later the fix "
            "shipped and I called her to tell her first."
        ),
        "made_possible": "A product manager who reads our tickets and answers them.",
        "strengths": ["customer advocacy", "initiative", "attention to detail"],
        "wish": "A direct line from support to product for every team.",
        "whose": "mine",
        "consent": "anonymous",
    },
]


# More demo stories, from the project's own labelled set (bench/data/ai_stories.json, CC0).
EXTRA_DEMO_STORIES = [
    {
        "headline": "Dropping the script for a carer",
        "story": "A customer called about renewing her design software licence, but within a minute I could tell she was overwhelmed, apologising and losing her train of thought. She told me she was a full-time carer and her dad had been taken into hospital that morning. I put the script aside, sorted the licence quietly in the background and told her there was no rush with anything else, we could pick it up whenever suited her. I emailed her a short plain-English summary so she wouldn't have to remember any of it. She said it was the kindest call she'd had all week.",
        "made_possible": "Noticing the person behind the ticket and feeling free to go off-script.",
        "wish": "Scripts that leave room to be human.",
        "strengths": ["empathy", "warmth", "flexibility"],
        "whose": "mine",
        "consent": "named",
        "teller": "Sofia",
    },
    {
        "headline": "Coached live by Gemma",
        "story": "I was stuck on a call with a business customer about VAT on their invoices, completely out of my depth. Our team lead Gemma joined as a silent listener and typed tips into chat as I went. I got it right and the customer never knew I'd been struggling. Afterwards she spent ten minutes walking me through the rules properly so I'd know next time.",
        "made_possible": "Gemma's coaching style: helping in the moment, then teaching after.",
        "wish": "More team leads who coach like that.",
        "strengths": ["mentoring", "collaboration", "supported me live"],
        "whose": "partner",
        "consent": "anonymous",
        "teller": "Ben",
    },
    {
        "headline": "Fifteen lost parcels, one person chasing",
        "story": "Retelling what Aisha shared. A small online seller had fifteen parcels go missing in one week and was close to losing her biggest client. Aisha opened a single case for all of them, went to the depot manager herself and traced twelve, then handled the claim for the other three. She rang the seller every afternoon until the last one was settled.",
        "made_possible": "Aisha's sense that this was her customer and her problem to solve, plus a depot manager who picked up the phone.",
        "wish": "A single case view for customers with lots of parcels.",
        "strengths": ["accountability", "resourcefulness", "went the extra mile"],
        "whose": "mine",
        "consent": "anonymous",
        "teller": None,
    },
    {
        "headline": "Online banking at her own pace",
        "story": "Retelling Omar's story. An 89-year-old customer called about setting up online banking and kept saying she was scared of 'doing it wrong'. Omar slowed right down, used her name, joked about his own grandmother's battles with her tablet, and walked her through it over three short calls in a week. She now asks for him whenever she rings.",
        "made_possible": "Omar's patience and warmth, and being allowed to book follow-up calls.",
        "wish": "More call time for customers who need it.",
        "strengths": ["patience", "warmth", "respect"],
        "whose": "mine",
        "consent": "named",
        "teller": "Lena",
    },
    {
        "headline": "Allowed to just fix it",
        "story": "Last year our manager changed the rules so we can give credits up to £100 without asking a supervisor. Yesterday a customer had been double-charged for her streaming subscription for three months. I refunded it on the call, added a small goodwill credit and she was done in eight minutes. Before the change that would have been a callback and a two-day wait.",
        "made_possible": "Leaders trusting us with a real credit limit and backing our decisions.",
        "wish": "Raise the limit a bit for long-standing customers.",
        "strengths": ["empowerment", "judgement", "responsiveness"],
        "whose": "partner",
        "consent": "private",
        "teller": "Marcus",
    },
    {
        "headline": "Our little scam checklist",
        "story": "After a really difficult scam call, me and Hana sat down and wrote a one-page checklist of questions to ask when a customer might be being scammed. We walked the team through it at huddle and everyone started using it. Last month Lewis used it and stopped a customer sending £8,000 to a fake 'investment'. Felt good that our little checklist helped.",
        "made_possible": "Turning one hard experience into something the whole team could learn from.",
        "wish": "A regular slot in huddles for lessons learned.",
        "strengths": ["collaboration", "knowledge sharing", "proactivity"],
        "whose": "mine",
        "consent": "anonymous",
        "teller": None,
    },
    {
        "headline": "My team lead said: your call",
        "story": "A customer's laptop repair was one day outside warranty and the policy said no. I explained to my team lead that the fault had started inside the warranty, he'd just been slow sending it in. She said 'you're closest to it, your call.' I approved the repair and he's bought two more things from us since.",
        "made_possible": "A team lead who trusts the person on the call to make the decision.",
        "wish": "Policies that come with clear room for judgement.",
        "strengths": ["judgement", "fairness", "trust from my lead"],
        "whose": "mine",
        "consent": "named",
        "teller": "Aisha",
    },
    {
        "headline": "Flowers for the honeymooners",
        "story": "While booking a couple's flights I heard her mention in passing it was their honeymoon. I didn't say anything on the call, but afterwards I emailed the hotel and asked if they could leave something in the room. They put out flowers and a bottle of cava. The couple sent us a postcard from Santorini!",
        "made_possible": "Listening to more than just the booking details, and a hotel partner happy to join in.",
        "wish": "A small budget for surprises.",
        "strengths": ["active listening", "creativity", "personal touch"],
        "whose": "partner",
        "consent": "anonymous",
        "teller": "Tom",
    },
    {
        "headline": "A missed interview and a second chance",
        "story": "Retelling Ben's story from the rail helpline. A commuter had missed a job interview because her train was cancelled and then our app sent her to a replacement service that didn't exist, so she stood on the platform for forty minutes. She was shouting at first and said she'd been job hunting for six months. Ben let her vent, apologised for the cancellation and for the app, processed full compensation and wrote her a signed letter on company paper explaining the disruption so she could show it to the employer. She rang back a week later: they'd rescheduled the interview, and she got the job.",
        "made_possible": "Ben's patience while she was angry, then practical help that went past the refund.",
        "wish": "App information that matches what's actually running.",
        "strengths": ["patience", "de-escalation", "resourcefulness"],
        "whose": "mine",
        "consent": "anonymous",
        "teller": None,
    },
    {
        "headline": "Do what a reasonable person would do",
        "story": "A gym member wanted to freeze her membership while she recovered from surgery, but she'd missed the notice window by a week. I backdated the freeze myself because our regional manager has told us to 'do what a reasonable person would do' rather than quote the small print. She messaged afterwards to say she'd be back as soon as she could walk properly. That one sentence from our manager changes how the whole team works.",
        "made_possible": "A regional manager who gave us principles instead of rigid rules.",
        "wish": "More leaders who give principles, not scripts.",
        "strengths": ["flexibility", "judgement", "empathy"],
        "whose": "mine",
        "consent": "named",
        "teller": "Grace",
    },
    {
        "headline": "Getting a family home from Lisbon",
        "story": "A mum rang at 11pm because her family's return flight from Lisbon had been cancelled and the app showed nothing. I told her I'd stay with the booking until they had seats, and I meant it. I rebooked them via Madrid, sorted a hotel for the night and set an alarm to check in with her at 7am. When I called she was already at the airport and just said 'you actually rang'.",
        "made_possible": "Having the tools to rebook directly, plus a shift lead who was fine with me spending an hour on one family.",
        "wish": "A proper way to schedule callbacks in the system instead of phone alarms.",
        "strengths": ["accountability", "reliability", "empowerment"],
        "whose": "partner",
        "consent": "anonymous",
        "teller": "Jamal",
    },
    {
        "headline": "Thursday case swap",
        "story": "Every Thursday our team does a fifteen-minute 'case swap' where two people explain the weirdest call of their week and how they cracked it. I learned how to read a smart meter error code from Dan, and the very next day I used it to fix a customer's problem on the first call. She didn't need an engineer visit at all.",
        "made_possible": "A regular ritual where colleagues teach each other, protected by our manager.",
        "wish": "Record the case swaps for the night shift.",
        "strengths": ["learning culture", "curiosity", "product knowledge"],
        "whose": "mine",
        "consent": "private",
        "teller": None,
    },
    {
        "headline": "A declined claim, reopened",
        "story": "A customer rang after getting a decline letter, shouting that we'd taken his premiums for years for nothing. I kept my voice low and slow, said that letter must have felt like a slap, and asked him to walk me through what happened. It turned out a document had been misread. We reopened the claim, I apologised for the letter, and he ended the call thanking me.",
        "made_possible": "Staying calm long enough to find out what had actually gone wrong.",
        "wish": "Kinder wording in decline letters.",
        "strengths": ["de-escalation", "patience", "curiosity"],
        "whose": "mine",
        "consent": "named",
        "teller": "Noor",
    },
    {
        "headline": "The wedding dress that missed the flight",
        "story": "Retelling Chloe's story: a bride's suitcase with her wedding dress inside didn't arrive in Dublin. She was in tears and then pretty angry with us, fair enough. Chloe stayed calm, admitted straight away we'd got it wrong and had the bag put on the next flight with a courier straight to the venue. The couple later posted their wedding photos on our page thanking her.",
        "made_possible": "Chloe admitting the mistake straight away, and the baggage team moving fast.",
        "wish": "A faster route for urgent bags like this one.",
        "strengths": ["composure", "empathy", "relationship repair"],
        "whose": "partner",
        "consent": "anonymous",
        "teller": "Pete",
    },
    {
        "headline": "The sofa that vanished from tracking",
        "story": "A customer's sofa delivery disappeared from the tracking system. I told her I'd find it and call her back before 4pm, and I did, even though the answer was that it was sitting in the wrong depot. I arranged the transfer, checked it was loaded the next morning and texted her the driver's slot.",
        "made_possible": "Giving a specific time and then sticking to it, whatever the news was.",
        "wish": "Better tracking between depots.",
        "strengths": ["keeping promises", "honesty", "follow-through"],
        "whose": "mine",
        "consent": "anonymous",
        "teller": None,
    },
]
