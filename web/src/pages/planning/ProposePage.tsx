export default function ProposePage() { return null; }
