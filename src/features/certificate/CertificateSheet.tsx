/** The certificate on the page (and in print, alone on an A4 landscape sheet): the lines the PDF and PNG draw. */
import { useTranslation } from 'react-i18next';
import type { CertificateLines } from './certificateText';
import { FAMILY_STACK } from './fontAssets';

export function CertificateSheet({ lines, fontsReady }: { lines: CertificateLines; fontsReady: boolean }) {
  const { t } = useTranslation();
  return (
    <article className="certificate-sheet" aria-label={`${lines.headingEn} / ${lines.headingZh}`} style={fontsReady ? { fontFamily: FAMILY_STACK } : undefined}>
      <p className="certificate-sheet__college" lang="zh-CN">
        {lines.collegeZh}
      </p>
      <p className="certificate-sheet__college-en" lang="en">
        {lines.collegeEn}
      </p>
      <p className="certificate-sheet__small">{lines.programme}</p>
      <h2 className="certificate-sheet__heading">
        <span lang="zh-CN">{lines.headingZh}</span>
        <span lang="en">{lines.headingEn}</span>
      </h2>
      <p className="certificate-sheet__small">{lines.certifies}</p>
      <p className="certificate-sheet__name">
        <bdi>{lines.name}</bdi>
      </p>
      <p className="certificate-sheet__small">{lines.completed}</p>
      <p className="certificate-sheet__tour">
        <span lang="zh-CN">{lines.tourZh}</span>
        <span lang="en">{lines.tourEn}</span>
      </p>
      <p>{lines.score}</p>
      <p>{lines.date}</p>
      <p className="certificate-sheet__small">{lines.code}</p>
      <p className="certificate-sheet__small" lang="en">
        {t('certificate.verifyAt', { url: '' })}
        <a href={lines.verifyUrl}>{lines.verifyUrl}</a>
      </p>
    </article>
  );
}
