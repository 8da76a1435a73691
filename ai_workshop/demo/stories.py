"""Demo content for the customer-service template, written for this project."""

DEMO_PARTICIPANTS = ["Amira", "Jonas", None, "Priya", "Tomás", None]

DEMO_STORIES = [
    {
        "headline": "The refund that became a referral",
        "body": (
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
        "body": (
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
        "body": (
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
        "body": (
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
        "body": (
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
        "body": (
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
