/**
 * The order in which a payment covers the parts of what is owed on an installment.
 *
 * Civil Code Art. 561 (domain.md §6), unless the contract says otherwise: first the costs of
 * enforcing the claim, then interest (penalty interest included), then principal. repaybot
 * tracks no enforcement costs; the one-off late fee (违约金) is the charge for the default, so it
 * goes first, then penalty interest (罚息), then the installment's fee and contract interest, then
 * principal. Many lenders' contracts set their own order (principal first is common in card and
 * BNPL terms): that is a per-loan setting.
 */
export type AllocationPart = 'late-fee' | 'penalty' | 'fee' | 'interest' | 'principal';

export const ALLOCATION_PARTS: readonly AllocationPart[] = ['late-fee', 'penalty', 'fee', 'interest', 'principal'];

export type AllocationPreset = 'civil-code' | 'principal-first';

export const ALLOCATION_PRESETS: Record<AllocationPreset, readonly AllocationPart[]> = {
  'civil-code': ['late-fee', 'penalty', 'fee', 'interest', 'principal'],
  'principal-first': ['principal', 'interest', 'fee', 'penalty', 'late-fee'],
};

export const DEFAULT_ALLOCATION: AllocationPreset = 'civil-code';

/**
 * A loan's stored order: a preset id, or the five parts joined by commas. Anything else is a
 * stored value this version does not know, and reading it falls back to the lawful default
 * rather than guessing.
 */
export function allocationOrderOf(stored: string | null | undefined): readonly AllocationPart[] {
  if (stored === undefined || stored === null || stored === '') return ALLOCATION_PRESETS[DEFAULT_ALLOCATION];
  if (stored in ALLOCATION_PRESETS) return ALLOCATION_PRESETS[stored as AllocationPreset];
  const parts = stored.split(',');
  return isCompleteOrder(parts) ? parts : ALLOCATION_PRESETS[DEFAULT_ALLOCATION];
}

/** Every part exactly once. */
export function isCompleteOrder(parts: readonly string[]): parts is AllocationPart[] {
  return (
    parts.length === ALLOCATION_PARTS.length &&
    ALLOCATION_PARTS.every((part) => parts.includes(part)) &&
    new Set(parts).size === parts.length
  );
}

/** The stored form of an order: its preset id when it is one, else the parts joined by commas. */
export function storedAllocationOrder(parts: readonly AllocationPart[]): string {
  for (const [id, preset] of Object.entries(ALLOCATION_PRESETS)) {
    if (preset.every((part, i) => parts[i] === part)) return id;
  }
  return parts.join(',');
}

/** The order's preset id, or 'custom'. */
export function allocationPresetOf(parts: readonly AllocationPart[]): AllocationPreset | 'custom' {
  const stored = storedAllocationOrder(parts);
  return stored in ALLOCATION_PRESETS ? (stored as AllocationPreset) : 'custom';
}

/** The order among the installment's own parts (fee, interest, principal), as openParts needs it. */
export function scheduledPartsOrder(parts: readonly AllocationPart[]): ('fee' | 'interest' | 'principal')[] {
  return parts.filter((p): p is 'fee' | 'interest' | 'principal' => p === 'fee' || p === 'interest' || p === 'principal');
}
