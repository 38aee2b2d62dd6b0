export default function PublicPlansPage() { return null; }
