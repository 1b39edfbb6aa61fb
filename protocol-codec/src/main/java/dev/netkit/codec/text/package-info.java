/**
 * Text layouts of the book's programs, pure: {@link dev.netkit.codec.text.TextWrap} places words
 * on lines as Perl's {@code Text::Wrap} does, for the wrap server's refilled text (chapter 22)
 * and the travesty server's pretty text (chapter 17).
 */
package dev.netkit.codec.text;
