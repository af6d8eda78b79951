/**
 * Tests of the packaged service as a separate process (run by failsafe after packaging): durability across SIGKILL.
 * Not unit or @QuarkusTest tests; those live next to the code they test.
 */
package io.sipplatform.cdr.it;
