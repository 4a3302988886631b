package io.rolecall.access;

/**
 * The resource a question is about: one ARN, or {@link #SOME} resource (a principal that may create a function,
 * stack or instance names it itself). {@link #EVERY} stands for every resource: an ARN no policy names, so only
 * patterns that cover everything match it.
 */
record Target(String arn) {
  static final Target SOME = new Target(null);
  static final Target EVERY = new Target("arn:aws:rolecall-probe:::every-resource");

  static Target of(String arn) {
    return new Target(arn);
  }

  boolean some() {
    return arn == null;
  }
}
