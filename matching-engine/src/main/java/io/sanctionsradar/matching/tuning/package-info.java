/** Every tuning constant of the engine, with why it has its value and the measurement behind it. */
package io.sanctionsradar.matching.tuning;
