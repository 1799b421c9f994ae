import { defineCdaRule, first, select } from '../context.ts'

const TRAITS: readonly (readonly [string, string])[] = [
  ["cda:name/cda:family[@qualifier='BR']", 'le nom de naissance (name/family[@qualifier="BR"])'],
  ["cda:name/cda:given[@qualifier='BR']", 'le premier prénom de naissance (name/given[@qualifier="BR"])'],
  ['cda:name/cda:given[not(@qualifier)]', 'la liste des prénoms de naissance (name/given sans qualifier)'],
  ['cda:birthTime[@value]', 'la date de naissance (birthTime/@value)'],
  ['cda:birthplace/cda:place/cda:addr/cda:county', 'le code INSEE du lieu de naissance (birthplace/place/addr/county)'],
  ['cda:administrativeGenderCode[@code]', 'le sexe (administrativeGenderCode/@code)'],
]

export const insBirthTraits = defineCdaRule({
  id: 'cda/ins-birth-traits',
  requirements: ['DOC-007'],
  description: 'Quand une INS est présente, les traits stricts de naissance sont obligatoires : nom et premier prénom de naissance, liste des prénoms, date et lieu de naissance, sexe.',
  appliesTo: (ctx) => ctx.header.patient.ins !== undefined,
  check(ctx, report) {
    const role = first(ctx, 'cda:recordTarget/cda:patientRole')
    const patient = role && first(ctx, 'cda:patient', role)
    if (!patient) {
      report({ code: 'required', message: 'Une INS est présente : patientRole/patient et ses traits d’identité sont obligatoires.', at: role })
      return
    }
    for (const [xpath, label] of TRAITS) {
      const found = select(ctx, xpath, patient).filter((n) => n.content.trim() !== '' || n.attrs.length > 0)
      if (found.length === 0) {
        report({ code: 'required', message: `Une INS est présente : ${label} est obligatoire.`, at: patient, params: { xpath, ins: ctx.header.patient.ins?.value } })
      }
    }
  },
})
