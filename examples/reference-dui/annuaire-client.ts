import { Client } from 'fhir-kit-client'

/** Extension that marks a telecom as an MSSanté mailbox in the Annuaire Santé (IG Annuaire). */
const MAILBOX_MSS = 'https://interop.esante.gouv.fr/ig/fhir/annuaire/StructureDefinition/as-ext-mailbox-mss-metadata'

/** A correspondent as the DUI files it in its address book. */
export interface Correspondent {
  readonly practitionerId: string
  readonly nationalId?: string
  readonly name: string
  readonly mssanteAddress?: string
}

export interface AnnuaireOptions {
  /** Seeded defect: take the first email of the entry as its MSSanté address. */
  readonly firstEmailAsMssante?: boolean
  /** Seeded defect: download every Practitioner and search the copy locally. */
  readonly localCopy?: boolean
}

/** Real-time unit calls to the Annuaire Santé FHIR API (ANN/va1.04 [S]). */
export class AnnuaireClient {
  readonly #client: Client

  constructor(baseUrl: string, readonly options: AnnuaireOptions = {}) {
    this.#client = new Client({ baseUrl })
  }

  /** Finds professionals by family (and given) name. */
  async searchByName(family: string, given?: string): Promise<Correspondent[]> {
    if (this.options.localCopy) return (await this.#everyone()).filter((correspondent) => matchesName(correspondent.name, family, given))
    const bundle = (await this.#client.search({ resourceType: 'Practitioner', searchParams: { family, ...(given ? { given } : {}) } })) as unknown as fhir4.Bundle
    return this.#correspondents(bundle)
  }

  /** The whole directory, one page of 1000 entries, to search offline. */
  async #everyone(): Promise<Correspondent[]> {
    return this.#correspondents((await this.#client.search({ resourceType: 'Practitioner', searchParams: { _count: 1000 } })) as unknown as fhir4.Bundle)
  }

  #correspondents(bundle: fhir4.Bundle): Correspondent[] {
    return (bundle.entry ?? []).flatMap((entry) => (entry.resource?.resourceType === 'Practitioner' ? [this.#correspondent(entry.resource as fhir4.Practitioner)] : []))
  }

  #correspondent(practitioner: fhir4.Practitioner): Correspondent {
    const name = practitioner.name?.[0]
    const emails = (practitioner.telecom ?? []).filter((telecom) => telecom.system === 'email')
    const mailbox = this.options.firstEmailAsMssante ? emails[0] : emails.find((telecom) => telecom.extension?.some((extension) => extension.url === MAILBOX_MSS))
    const nationalId = practitioner.identifier?.find((identifier) => identifier.system === 'urn:oid:1.2.250.1.71.4.2.1')?.value
    return {
      practitionerId: practitioner.id ?? '',
      ...(nationalId ? { nationalId } : {}),
      name: [name?.given?.join(' '), name?.family].filter(Boolean).join(' '),
      ...(mailbox?.value ? { mssanteAddress: mailbox.value } : {}),
    }
  }
}

/** Name match of the local copy: every word typed starts a word of the name (case and accents ignored). */
function matchesName(name: string, family: string, given?: string): boolean {
  const fold = (text: string) => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toUpperCase()
  const words = fold(name).split(/\s+/)
  return [family, given ?? ''].filter(Boolean).every((typed) => words.some((word) => word.startsWith(fold(typed))))
}
