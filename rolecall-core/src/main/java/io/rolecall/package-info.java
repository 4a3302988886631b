/** rolecall's core library. */
package io.rolecall;
