/**
 * The sample text of netkit's tour, tests and benchmarks, and the one place that decides which
 * text file they read: {@link dev.netkit.corpus.Corpus}. The text, Jane Austen's
 * <i>Persuasion</i>, is in the public domain and ships in this module's jar; where it comes from
 * is recorded in the repository's {@code NOTICE}.
 */
package dev.netkit.corpus;
