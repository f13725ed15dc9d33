import type { QuestionDraft, SurveyDraft, SurveyKind } from "./survey";

/**
 * The ready-made surveys, worded in all six languages. Each wording keeps the placeholders of
 * the English one ({company}, {training}); tests/unit/survey-templates.test.ts checks both.
 * Slavic wordings put the name after a noun ("компанію {company}", "тренінг «{training}»"),
 * so the name stays in its own form and the sentence stays grammatical.
 */
export interface SurveyTemplate {
  kind: SurveyKind;
  name: string;
  description: string;
  questions: QuestionDraft[];
}

const reason: QuestionDraft = {
  type: "TEXT",
  texts: {
    en: "What is the main reason for your score?",
    zh: "您给出这个分数的主要原因是什么？",
    uk: "Яка основна причина вашої оцінки?",
    pl: "Jaki jest główny powód Twojej oceny?",
    bg: "Каква е основната причина за вашата оценка?",
    ru: "Какова основная причина вашей оценки?",
  },
};

export const ENPS_TEMPLATE: SurveyTemplate = {
  kind: "ENPS",
  name: "Employee NPS",
  description: "How likely people are to recommend the company as a place to work, why, and what to improve.",
  questions: [
    {
      type: "NPS",
      texts: {
        en: "How likely are you to recommend {company} as a place to work?",
        zh: "您有多大可能推荐他人来{company}工作？",
        uk: "Наскільки ймовірно, що ви порекомендуєте компанію {company} як місце роботи?",
        pl: "Jak bardzo prawdopodobne jest, że polecisz firmę {company} jako miejsce pracy?",
        bg: "Колко вероятно е да препоръчате {company} като място за работа?",
        ru: "Насколько вероятно, что вы порекомендуете компанию {company} как место работы?",
      },
    },
    reason,
    {
      type: "TEXT",
      texts: {
        en: "What one thing should we improve?",
        zh: "如果只能改进一件事，您希望我们改进什么？",
        uk: "Що нам варто покращити насамперед?",
        pl: "Jaką jedną rzecz powinniśmy poprawić?",
        bg: "Какво трябва да подобрим на първо място?",
        ru: "Что нам стоит улучшить в первую очередь?",
      },
    },
  ],
};

export const TRAINING_TEMPLATE: SurveyTemplate = {
  kind: "TRAINING",
  name: "Training NPS",
  description: "Asked before and after a training: would people recommend it, why, and a few 1-5 ratings.",
  questions: [
    {
      type: "NPS",
      texts: {
        en: "How likely are you to recommend the {training} training to a colleague?",
        zh: "您有多大可能向同事推荐“{training}”培训？",
        uk: "Наскільки ймовірно, що ви порекомендуєте тренінг «{training}» колезі?",
        pl: "Jak bardzo prawdopodobne jest, że polecisz szkolenie „{training}” koledze lub koleżance?",
        bg: "Колко вероятно е да препоръчате обучението „{training}“ на колега?",
        ru: "Насколько вероятно, что вы порекомендуете тренинг «{training}» коллеге?",
      },
    },
    reason,
    {
      type: "RATING",
      texts: {
        en: "The content was relevant to my work.",
        zh: "培训内容与我的工作相关。",
        uk: "Зміст тренінгу був актуальним для моєї роботи.",
        pl: "Treść szkolenia była związana z moją pracą.",
        bg: "Съдържанието на обучението беше свързано с работата ми.",
        ru: "Содержание тренинга было актуально для моей работы.",
      },
    },
    {
      type: "RATING",
      texts: {
        en: "The trainer explained things clearly.",
        zh: "培训师讲解清楚易懂。",
        uk: "Тренер пояснював зрозуміло.",
        pl: "Osoba prowadząca jasno wyjaśniała omawiane zagadnienia.",
        bg: "Обучителят обясняваше ясно.",
        ru: "Тренер объяснял понятно.",
      },
    },
    {
      type: "RATING",
      texts: {
        en: "I can apply what I learned in my work.",
        zh: "我能将所学内容应用到工作中。",
        uk: "Я можу застосувати здобуті знання у своїй роботі.",
        pl: "Mogę wykorzystać zdobytą wiedzę w swojej pracy.",
        bg: "Мога да приложа наученото в работата си.",
        ru: "Я могу применить полученные знания в своей работе.",
      },
    },
  ],
};

export const SURVEY_TEMPLATES: Record<SurveyKind, SurveyTemplate> = {
  ENPS: ENPS_TEMPLATE,
  TRAINING: TRAINING_TEMPLATE,
};

/** A fresh draft from a template; the draft is the caller's to change. */
export function draftFromTemplate(kind: SurveyKind): SurveyDraft {
  const template = SURVEY_TEMPLATES[kind];
  return {
    name: template.name,
    kind: template.kind,
    questions: template.questions.map((q) => ({ type: q.type, texts: { ...q.texts } })),
  };
}
