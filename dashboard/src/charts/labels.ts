import { computed } from 'vue';
import { currentLocale, t } from '../app/i18n';

/** The column and series names of the charts in the locale on screen (the chart functions themselves take strings). */
export function useChartLabels() {
  return computed(() => {
    currentLocale();
    const names = {
      SANGAT_BAIK: t('predikat.SANGAT_BAIK'),
      BAIK: t('predikat.BAIK'),
      BUTUH_PERBAIKAN: t('predikat.BUTUH_PERBAIKAN'),
      KURANG: t('predikat.KURANG'),
      SANGAT_KURANG: t('predikat.SANGAT_KURANG'),
    };
    return {
      trend: {
        period: t('label.period'),
        group: t('label.group'),
        n: t('label.n'),
        mean: t('label.mean'),
        median: t('label.median'),
        p25: t('label.p25'),
        p75: t('label.p75'),
        note: t('label.note'),
      },
      rank: {
        rank: t('label.rank'),
        agency: t('label.agency'),
        n: t('label.n'),
        mean: t('label.mean'),
        note: t('label.note'),
      },
      predikat: { predikat: t('label.predikat'), count: t('label.count'), share: t('label.share'), names },
      jp: {
        agency: t('label.agency'),
        n: t('label.n'),
        share: t('label.share20Jp'),
        jpPerEmployee: t('label.jpPerEmployee'),
        note: t('label.note'),
      },
      impact: {
        group: t('label.group'),
        before: t('label.before'),
        after: t('label.after'),
        change: t('label.change'),
        n: t('label.n'),
        treated: t('label.treated'),
        control: t('label.control'),
      },
      raters: {
        assessor: t('label.assessor'),
        nEmployees: t('label.nEmployees'),
        nScores: t('label.nScores'),
        meanGiven: t('label.meanGiven'),
        leniency: t('label.leniency'),
        z: t('label.z'),
        flags: t('label.flags'),
        note: t('label.note'),
        flagNames: {
          LENIENT: t('flag.LENIENT'),
          SEVERE: t('flag.SEVERE'),
          CENTRAL_TENDENCY: t('flag.CENTRAL_TENDENCY'),
          HALO: t('flag.HALO'),
        } as Record<string, string>,
      },
      needs: {
        criterion: t('label.criterion'),
        employees: t('label.employeesBelow'),
        trainings: t('label.trainingsOffered'),
      },
      completion: {
        agency: t('label.agency'),
        expected: t('label.expected'),
        submitted: t('label.submitted'),
        final: t('label.final'),
      },
    };
  });
}
