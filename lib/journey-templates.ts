// Starting points for a new journey: stage names, a customer goal and a first guess at
// the emotion curve, all editable once the journey exists.

/** -2 (very negative) … +2 (very positive), as stored on a stage. */
export type Emotion = -2 | -1 | 0 | 1 | 2;

export type JourneyStageTemplate = {
  name: string;
  customerGoal: string;
  doing: string;
  thinking: string;
  feeling: string;
  emotion: Emotion;
  /** The stage where the customer starts getting value: where adoption KPIs belong. */
  adoptionPhase: boolean;
};

const LIFECYCLE_STAGES = [
  {
    name: "Discovery",
    customerGoal: "Find out that a solution to my problem exists.",
    doing: "Searching, reading reviews, asking peers.",
    thinking: "Is there a better way to do this?",
    feeling: "Curious, hopeful.",
    emotion: 1,
    adoptionPhase: false,
  },
  {
    name: "Evaluation",
    customerGoal: "Decide whether this product fits my needs and budget.",
    doing: "Comparing options, trying a demo or a trial, checking pricing.",
    thinking: "Will it work for us, and is it worth the price?",
    feeling: "Uncertain, cautious.",
    emotion: 0,
    adoptionPhase: false,
  },
  {
    name: "Purchase",
    customerGoal: "Buy with confidence and without friction.",
    doing: "Getting approval, signing up, paying.",
    thinking: "Am I making the right choice? Are there hidden costs?",
    feeling: "Anxious, committed.",
    emotion: 0,
    adoptionPhase: false,
  },
  {
    name: "Onboarding",
    customerGoal: "Get set up and see the first result quickly.",
    doing: "Configuring, importing data, inviting colleagues, following guides.",
    thinking: "How long until this pays off?",
    feeling: "Impatient, sometimes overwhelmed.",
    emotion: -1,
    adoptionPhase: true,
  },
  {
    name: "Usage",
    customerGoal: "Get my job done reliably, every day.",
    doing: "Using the core features, discovering new ones.",
    thinking: "This saves me time.",
    feeling: "Productive, confident.",
    emotion: 1,
    adoptionPhase: false,
  },
  {
    name: "Support",
    customerGoal: "Get problems solved quickly, by someone who understands them.",
    doing: "Searching help articles, contacting support, waiting for answers.",
    thinking: "Why is this broken, and how long will it take?",
    feeling: "Frustrated, relieved when it is fixed.",
    emotion: -1,
    adoptionPhase: false,
  },
] as const satisfies readonly JourneyStageTemplate[];

const FUNNEL_STAGES = [
  {
    name: "Awareness",
    customerGoal: "Understand that I have a problem worth solving, and who solves it.",
    doing: "Noticing ads, articles, social posts, word of mouth.",
    thinking: "That sounds like my situation.",
    feeling: "Curious.",
    emotion: 0,
    adoptionPhase: false,
  },
  {
    name: "Consideration",
    customerGoal: "Compare the options and shortlist the ones that fit.",
    doing: "Reading comparisons, watching demos, talking to sales.",
    thinking: "Which of these is right for us?",
    feeling: "Interested, a little overwhelmed by choice.",
    emotion: 0,
    adoptionPhase: false,
  },
  {
    name: "Decision",
    customerGoal: "Commit to the best option at a fair price.",
    doing: "Negotiating, getting sign-off, purchasing.",
    thinking: "I hope this is the right call.",
    feeling: "Anxious, then relieved.",
    emotion: -1,
    adoptionPhase: false,
  },
  {
    name: "Adoption",
    customerGoal: "Make the product part of how we work, and see the value.",
    doing: "Setting up, training the team, building habits.",
    thinking: "Is everyone actually using it?",
    feeling: "Impatient, then encouraged.",
    emotion: 0,
    adoptionPhase: true,
  },
  {
    name: "Loyalty",
    customerGoal: "Keep getting more value, and feel valued as a customer.",
    doing: "Renewing, upgrading, recommending, giving feedback.",
    thinking: "I would recommend this.",
    feeling: "Satisfied, loyal.",
    emotion: 2,
    adoptionPhase: false,
  },
] as const satisfies readonly JourneyStageTemplate[];

export type LifecycleStageName = (typeof LIFECYCLE_STAGES)[number]["name"];
export type FunnelStageName = (typeof FUNNEL_STAGES)[number]["name"];
/** A stage name from one of the built-in templates. */
export type TemplateStageName = LifecycleStageName | FunnelStageName;

export const JOURNEY_TEMPLATE_KEYS = ["lifecycle", "funnel", "blank"] as const;
export type JourneyTemplateKey = (typeof JOURNEY_TEMPLATE_KEYS)[number];

export type JourneyTemplate = {
  key: JourneyTemplateKey;
  name: string;
  description: string;
  stages: readonly JourneyStageTemplate[];
};

export const DEFAULT_JOURNEY_TEMPLATE_KEY: JourneyTemplateKey = "lifecycle";

export const JOURNEY_TEMPLATES: readonly JourneyTemplate[] = [
  {
    key: "lifecycle",
    name: "Customer lifecycle",
    description: "Six stages from first discovery to everyday use and support.",
    stages: LIFECYCLE_STAGES,
  },
  {
    key: "funnel",
    name: "Marketing funnel",
    description: "Five stages from awareness to loyalty.",
    stages: FUNNEL_STAGES,
  },
  {
    key: "blank",
    name: "Blank",
    description: "No stages: build your own.",
    stages: [],
  },
];

export function journeyTemplate(key: JourneyTemplateKey): JourneyTemplate {
  const template = JOURNEY_TEMPLATES.find((t) => t.key === key);
  // The keys and the list are both constants here; a miss is a programming error.
  if (!template) throw new Error(`No journey template "${key}"`);
  return template;
}

/** The stage marked as the adoption phase, or null (the blank template has none). */
export function adoptionStage(template: JourneyTemplate): JourneyStageTemplate | null {
  return template.stages.find((stage) => stage.adoptionPhase) ?? null;
}
