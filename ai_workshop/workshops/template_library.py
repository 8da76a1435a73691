"""Starting content for a new workshop; the facilitator can edit every field afterwards."""

from dataclasses import dataclass, field

from flask_babel import lazy_gettext as _l


@dataclass(frozen=True)
class WorkshopTemplate:
    key: str
    title: str
    description: str
    topic: str = ""
    why_it_matters: str = ""
    questions: list[str] = field(default_factory=list)
    dream_prompt: str = ""
    strengths: list[str] = field(default_factory=list)
    phase_vocabulary: str = "4d"


CUSTOMER_SERVICE_STRENGTHS = [
    _l("active listening"),
    _l("empathy"),
    _l("patience"),
    _l("respect"),
    _l("clear communication"),
    _l("curiosity"),
    _l("accountability"),
    _l("reliability"),
    _l("follow-through"),
    _l("keeping promises"),
    _l("attention to detail"),
    _l("transparency"),
    _l("collaboration"),
    _l("knowledge sharing"),
    _l("mentoring"),
    _l("flexibility"),
    _l("resilience"),
    _l("empowerment"),
    _l("judgement"),
    _l("creativity"),
    _l("resourcefulness"),
    _l("product knowledge"),
    _l("problem solving"),
    _l("proactivity"),
    _l("personal touch"),
    _l("thoughtfulness"),
    _l("warmth"),
    _l("de-escalation"),
    _l("composure"),
    _l("honesty"),
    _l("fairness"),
    _l("relationship repair"),
    _l("responsiveness"),
    _l("customer advocacy"),
    _l("initiative"),
    _l("continuous improvement"),
    _l("learning culture"),
    _l("gratitude"),
]

TEAM_STRENGTHS = [
    _l("trust"),
    _l("collaboration"),
    _l("clear communication"),
    _l("shared purpose"),
    _l("ownership"),
    _l("reliability"),
    _l("generosity"),
    _l("mentoring"),
    _l("knowledge sharing"),
    _l("curiosity"),
    _l("creativity"),
    _l("courage"),
    _l("candour"),
    _l("respect"),
    _l("inclusion"),
    _l("humour"),
    _l("resilience"),
    _l("focus"),
    _l("craftsmanship"),
    _l("learning culture"),
    _l("recognition"),
    _l("autonomy"),
    _l("flexibility"),
    _l("initiative"),
    _l("gratitude"),
]  # fmt: skip

CLASSIC_QUESTIONS = [
    _l("Tell me about a time you were at your best at work. What happened, who was involved, what did you do?"),
    _l("Without being modest: what do you value most about yourself, your work and your team?"),
    _l("What made that high point possible: you, colleagues, tools, processes, leaders?"),
    _l("When we are at our best, what is always there, whatever else changes?"),
    _l("If you had three wishes to make this happen every day, what would they be?"),
]  # fmt: skip

TEMPLATES = {
    template.key: template
    for template in (
        WorkshopTemplate(
            key="customer-service",
            title=_l("Customer service"),
            description=_l("For support and service teams: the moments customers remember."),
            topic=_l("Moments that make customers stay: our service at its very best"),
            why_it_matters=_l(
                "Customers stay with us because of how we treat them when it matters. "
                "When we understand what we do at our best, we can do it every day."
            ),
            questions=[
                _l(
                    "Tell me about a time a customer felt truly helped by you or your team. What happened?"
                ),
                _l(
                    "Think of a conversation that started badly and ended well. What did you do that turned it around?"
                ),
                _l("What is the best thing a customer ever said about us? What made it possible?"),
                _l("When our service is at its best, what is always there that we must keep?"),
                _l(
                    "If you had three wishes to make every customer contact like that, what would they be?"
                ),
            ],  # fmt: skip
            dream_prompt=_l(
                "It's a year from now and customers rave about us: what do they tell their friends?"
            ),
            strengths=CUSTOMER_SERVICE_STRENGTHS,
            phase_vocabulary="4d",
        ),
        WorkshopTemplate(
            key="team",
            title=_l("Team"),
            description=_l("For any team that wants more of what already works."),
            topic=_l("Our team at its best"),
            why_it_matters=_l(
                "We grow faster by building on what already works than by fixing what doesn't."
            ),
            questions=CLASSIC_QUESTIONS,
            dream_prompt=_l(
                "It's two years from now and our team is the one everyone wants to join. "
                "What do you see?"
            ),
            strengths=TEAM_STRENGTHS,
        ),
        WorkshopTemplate(
            key="blank",
            title=_l("Blank"),
            description=_l("The classic questions; you write the topic and the strengths."),
            questions=CLASSIC_QUESTIONS,
            dream_prompt=_l(
                "Imagine the peak moments we shared today were the norm. What is it like?"
            ),
        ),
    )
}

DEFAULT_TEMPLATE = "customer-service"


def get_template(key: str) -> WorkshopTemplate:
    return TEMPLATES[key]
