/** Surveys, rounds with answers, a training and action items for the demo company. */
export async function seedDemoActivity() {
  // Filled in as those capabilities arrive.
}
