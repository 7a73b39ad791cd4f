import { describe, expect, it } from 'vitest';
import { isFigure, storyNames } from '../../../src/ingest/story-names.js';

const names = (title: string, text = '') => [...storyNames({ title, text })].sort();

describe('the names a Russian and an English report can share', () => {
  it('writes Russian names as the English-language press does, whatever their case ending', () => {
    expect(names('Решение', 'Об этом в среду сообщили журналистам в пресс-службе, где напомнили о письме Эльвиры Набиуллиной, которое обсуждал в прошлом месяце Михаил Мишустин.')).toEqual(['elvir', 'mikha', 'mishu', 'nabiu']);
    expect(names('Decision', "It was the bank's call in the end, said a letter from Elvira Nabiullina's office that was read out to Mikhail Mishustin's deputies.")).toEqual(['elvir', 'mikha', 'mishu', 'nabiu']);
    // Ye- at the start and -y at the end as the press writes them (a letter table gives Ekaterinburg, Zelenskiy).
    expect(names('Визит', 'В четверг вечером президент Зеленский неожиданно приехал в город Екатеринбург.')).toEqual(['iekat', 'zelen']);
    expect(names('Visit', 'On Thursday evening the president, Zelensky, came to the city of Yekaterinburg unannounced.')).toEqual(['iekat', 'zelen']);
  });

  it('reads a decimal comma and a decimal point as one number, and tells figures from years', () => {
    expect(names('Рост', 'Экономика выросла на 3,6%.')).toEqual(['#36']);
    expect(names('Growth', 'The economy grew 3.6%.')).toEqual(['#36']);
    expect([isFigure('#36'), isFigure('#629'), isFigure('#2023'), isFigure('#4'), isFigure('mishu')]).toEqual([true, true, false, false, false]);
  });

  it('leaves out words that open a sentence, short names and days of the week', () => {
    expect(names('Moscow', 'Officials met on Monday with the UN and Xi in Minsk.')).toEqual(['minsk']);
  });
});
