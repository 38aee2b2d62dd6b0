export default function MyVisitsPage() { return null; }
