/**
 * What the target role needs, generated from the command specs (SPEC §2.1, {@code rolecall
 * policy}): its least-privilege permission policy, its trust policy, and CloudFormation templates
 * that create it in one account or, through a service-managed StackSet, in every account of an
 * organization.
 */
package io.rolecall.policy;
