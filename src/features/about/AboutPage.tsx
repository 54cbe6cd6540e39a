/** The college's profile, every fact from its own text, section by section. */
import { useTranslation } from 'react-i18next';
import { useContent } from '../../content/ContentContext';
import { Text } from '../../components/Text';

export function AboutPage() {
  const { t } = useTranslation();
  const { college } = useContent();
  return (
    <article className="about">
      <h1>{t('nav.about')}</h1>
      <p className="about__name">
        <Text value={college.name} lang="zh" /> · <Text value={college.name} lang="en" />
      </p>
      {college.about.map((section) => (
        <section key={section.id} aria-labelledby={`about-${section.id}`} className="about__section">
          <h2 id={`about-${section.id}`}>
            <Text value={section.title} />
          </h2>
          {section.body?.map((paragraph, i) => <Text key={i} as="p" value={paragraph} />)}
          {section.facts && (
            <dl className="facts">
              {section.facts.map((f, i) => (
                <div key={i} className="facts__row">
                  <Text as="dt" value={f.label} />
                  <Text as="dd" value={f.value} />
                </div>
              ))}
            </dl>
          )}
          {section.list && (
            <ul className="about__list">
              {section.list.map((item, i) => (
                <Text key={i} as="li" value={item} />
              ))}
            </ul>
          )}
        </section>
      ))}
    </article>
  );
}
