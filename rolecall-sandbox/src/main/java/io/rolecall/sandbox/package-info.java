/** An in-process AWS emulator speaking the real wire protocols, for tests, benchmarks and the demo. */
package io.rolecall.sandbox;
