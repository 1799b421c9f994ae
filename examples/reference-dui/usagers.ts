/** An usager (person accompanied by the ESSMS) as the DUI files it. */
export interface Usager {
  readonly localId: string
  /** RNIV identity status: only QUAL allows using and sending the INS. */
  readonly status: 'PROV' | 'RECUP' | 'VALI' | 'QUAL'
  readonly ins?: { readonly value: string; readonly oid: string }
  readonly birthFamilyName: string
  readonly firstBirthGivenName: string
  readonly birthGivenNames: string
  readonly sex: 'F' | 'M'
  /** YYYY-MM-DD */
  readonly birthDate: string
  readonly birthPlaceCode: string
}

export class UsagerRegistry {
  readonly #byId = new Map<string, Usager>()

  save(usager: Usager): void {
    this.#byId.set(usager.localId, usager)
  }

  /** The usager whose qualified INS is `value` (how a received document is filed, ECO.2.1.2). */
  findByIns(value: string): Usager | undefined {
    return [...this.#byId.values()].find((usager) => usager.status === 'QUAL' && usager.ins?.value === value)
  }

  /** The first usager with this birth name and birth date (the search screen's criteria). */
  findByBirthNameAndDate(birthFamilyName: string, birthDate: string): Usager | undefined {
    return [...this.#byId.values()].find((usager) => usager.birthFamilyName === birthFamilyName && usager.birthDate === birthDate)
  }

  get(localId: string): Usager {
    const usager = this.#byId.get(localId)
    if (!usager) throw new Error(`usager inconnu : ${localId}`)
    return usager
  }
}
