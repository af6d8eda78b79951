/** SmallRye Health checks of cdr-service: readiness follows the CDR database. Not a metrics or admin surface. */
package io.sipplatform.cdr.health;
